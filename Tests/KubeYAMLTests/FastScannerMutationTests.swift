import Foundation
import KubeTestSupport
import KubeYAML
import Testing

/// A deterministic mutation fuzz of the fast scanner: lines deleted, duplicated, re-indented, swapped and
/// joined, and characters YAML cares about inserted (tabs, quotes, colons, `#`, dashes, brackets, non-ASCII).
/// Every mutant must parse to libyaml's tree or be given up.
@Suite struct FastScannerMutationTests {
    /// SplitMix64, so the mutants are the same on every run.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }

        mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    }

    static let insertions = [
        "\t", "'", "\"", ":", ": ", "#", " #", "é", "日本", "- ", "-", "{", "}", "[", "]", ",", "|", ">", "&a ",
        "*a", "!", "?", " ", "  ", "\\", "---", "...", "\n", "a: ", "\"\\n\"", "''", "{}", "[]", "|-\n  x\n",
    ]

    static func mutate(_ text: String, _ random: inout Generator) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0...random.below(3) {
            guard !lines.isEmpty else { break }
            let line = random.below(lines.count)
            switch random.below(8) {
            case 0: lines.remove(at: line)
            case 1: lines.insert(lines[line], at: line)
            case 2: lines[line] = String(repeating: " ", count: 1 + random.below(3)) + lines[line]
            case 3:
                var trimmed = Substring(lines[line])
                for _ in 0...random.below(2) where trimmed.first == " " { trimmed = trimmed.dropFirst() }
                lines[line] = String(trimmed)
            case 4:
                if line + 1 < lines.count { lines.swapAt(line, line + 1) }
            case 5:
                if line + 1 < lines.count { lines[line] += lines.remove(at: line + 1) }
            default:
                var characters = Array(lines[line])
                let insertion = insertions[random.below(insertions.count)]
                characters.insert(contentsOf: insertion, at: random.below(characters.count + 1))
                lines[line] = String(characters)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The seeds: the handled edge cases and the first lines of each benchmark shape.
    static var seeds: [String] {
        let benchmarks = FastScannerOracle.benchmarkFiles.map { path -> String in
            let text = String(decoding: FastScannerOracle.bytes(path), as: UTF8.self)
            return text.components(separatedBy: "\n").prefix(80).joined(separator: "\n") + "\n"
        }
        return FastScannerDifferentialTests.handledCases + benchmarks
    }

    @Test func mutantsMatchLibYAMLOrAreGivenUp() {
        var random = Generator(state: 12)
        var handled = 0
        var total = 0
        for seed in Self.seeds {
            for _ in 0..<150 {
                total += 1
                if Self.matches(Self.mutate(seed, &random), origin: nil) { handled += 1 }
            }
        }
        // Many mutants stay inside the subset, so the comparison is not vacuous.
        #expect(handled * 4 >= total, "handled \(handled) of \(total)")
    }

    /// The same over mutants of every real manifest of the shared corpus (files under 60 kB).
    @Test(.enabled(
        if: FastScannerDifferentialTests.corpusPresent || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func corpusMutantsMatchLibYAMLOrAreGivenUp() {
        var random = Generator(state: 7)
        var handled = 0
        var total = 0
        for path in FastScannerOracle.corpusFiles {
            let bytes = FastScannerOracle.bytes(path)
            guard bytes.count < 60_000 else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            for _ in 0..<8 {
                total += 1
                if Self.matches(Self.mutate(text, &random), origin: path) { handled += 1 }
            }
        }
        #expect(handled * 5 >= total, "handled \(handled) of \(total)")
    }

    /// Whether the fast scanner handled `mutant` with libyaml's tree; a different tree is recorded as an issue
    /// (with the file it was made from), a give-up is neither.
    private static func matches(_ mutant: String, origin: String?) -> Bool {
        switch FastScannerOracle.compare(mutant, file: "mutant.yaml") {
        case .same: return true
        case .gaveUp: return false
        case .differs(let message):
            let prefix = origin.map { "\($0): " } ?? ""
            Issue.record(Comment(rawValue: "\(prefix)\(message)\n--- mutant ---\n\(mutant)"))
            return false
        }
    }
}
