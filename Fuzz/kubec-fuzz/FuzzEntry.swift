// The fuzz target. Built by `make fuzz` with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input and a violated oracle aborts (a finding libFuzzer saves). Built
// normally, the same executable replays files and folders given as arguments (the corpus, the minimised
// regressions): `make test` runs it as the short fixed-seed pass.

import Foundation

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        do {
            try FuzzOracle.check(Array(UnsafeBufferPointer(start: data, count: size)))
        } catch {
            print("kubec-fuzz: oracle violated: \(error)")
            abort()
        }
        return 0
    }

    /// libFuzzer's driver, for executables that keep their own `main` (SwiftPM links executables with
    /// `--defsym main=<module>_main`, so libFuzzer's own `main` is never used).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("kubec_fuzz_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }
#else
    @main
    struct FuzzReplay {
        static func main() {
            var inputs: [String] = []
            var mutations = 0
            var seed: UInt64 = 1
            var arguments = Array(CommandLine.arguments.dropFirst())
            while let flag = arguments.first, flag.hasPrefix("--"), arguments.count >= 2 {
                if flag == "--mutations" { mutations = Int(arguments[1]) ?? 0 }
                if flag == "--seed" { seed = UInt64(arguments[1]) ?? 1 }
                arguments.removeFirst(2)
            }
            for argument in arguments {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                    inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { argument + "/" + $0 }
                } else {
                    inputs.append(argument)
                }
            }
            var failures = 0
            var executions = 0
            // Every 8th execution through the real tools (root and the tools needed; required under CI=true).
            let (tools, reason) = ToolOracle.make()
            if let reason {
                let required = ProcessInfo.processInfo.environment["CI"] == "true"
                print("kubec-fuzz: real-tool oracles \(required ? "required under CI=true" : "skipped"): \(reason)")
                if required { failures += 1 }
            }
            var mutator = Mutator(state: seed)
            for path in inputs {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let original = Array(data)
                for round in 0...mutations {
                    let input = round == 0 ? original : mutator.mutate(original)
                    executions += 1
                    do {
                        let files = try FuzzOracle.check(input)
                        if let tools, executions % 8 == 1 {
                            for problem in tools.check(files) {
                                print("\(path) (mutant \(round), seed \(seed)): \(problem)")
                                failures += 1
                            }
                        }
                    } catch {
                        print("\(path) (mutant \(round), seed \(seed)): \(error)")
                        failures += 1
                    }
                }
            }
            let runs = tools?.summary ?? "0"
            tools?.close()
            print(
                "kubec-fuzz: \(inputs.count) inputs, \(executions) executions, \(runs) real-tool runs, "
                    + "\(failures) oracle violations")
            exit(failures == 0 ? 0 : 1)
        }
    }
#endif
