import Foundation
import KubeTestSupport
import Testing

/// Same documents, any file order or document order, several seeds: byte-identical lint JSON (same files in
/// another order), plan JSON and compiled trees (documents shuffled across new files).
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct DeterminismTests {
    static let seeds: [UInt64] = [1, 7, 42]

    /// SplitMix64: a small seeded generator, so a failing seed can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Every YAML file of the demo (cluster/ included), by relative path.
    static func demoFiles() throws -> [String] {
        let root = RepositoryPaths.manifests
        return try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { root + "/" + $0 }
    }

    /// The demo's documents shuffled with `seed` into three files of a new folder.
    static func shuffledCopy(seed: UInt64) throws -> String {
        var documents: [String] = []
        for path in try demoFiles() {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var current: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "---" {
                    documents.append(current.joined(separator: "\n"))
                    current = []
                } else {
                    current.append(line)
                }
            }
            documents.append(current.joined(separator: "\n"))
        }
        documents = documents.filter { $0.contains("kind:") }
        var generator = Generator(state: seed)
        documents.shuffle(using: &generator)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-det-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for part in 0..<3 {
            let slice = documents.enumerated().filter { $0.offset % 3 == part }.map(\.element)
            try slice.map { "---\n" + $0 + "\n" }.joined().write(toFile: "\(folder)/part-\(part).yaml", atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func tree(_ directory: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result[relative] = FileManager.default.contents(atPath: directory + "/" + relative)
            }
        }
        return result
    }

    @Test(arguments: seeds)
    func lintJSONIgnoresTheOrderOfFiles(seed: UInt64) throws {
        let files = try Self.demoFiles()
        var generator = Generator(state: seed)
        let reference = try KubecProcess.run(["lint", "--output", "json"] + files)
        let shuffled = try KubecProcess.run(["lint", "--output", "json"] + files.shuffled(using: &generator))
        #expect(reference.stdout.contains("\"summary\"") || reference.stdout.hasPrefix("{"))
        #expect(shuffled.stdout == reference.stdout)
    }

    @Test(arguments: seeds)
    func planJSONIgnoresTheOrderOfDocuments(seed: UInt64) throws {
        let reference = try KubecProcess.run(["plan", "--output", "json", RepositoryPaths.manifests])
        let shuffled = try KubecProcess.run(["plan", "--output", "json", try Self.shuffledCopy(seed: seed)])
        #expect(reference.status == 0 && reference.stdout.count > 1000, "\(reference.stderr)")
        #expect(shuffled.stdout == reference.stdout)
    }

    @Test(arguments: seeds)
    func compiledTreesIgnoreTheOrderOfDocuments(seed: UInt64) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-det-\(UUID().uuidString)").path
        let reference = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", root + "/a"])
        let shuffled = try KubecProcess.run(["compile", try Self.shuffledCopy(seed: seed), "-o", root + "/b"])
        #expect(reference.status == 0 && shuffled.status == 0, "\(shuffled.stderr)")
        let a = tree(root + "/a")
        let b = tree(root + "/b")
        #expect(a.count > 20)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a where b[path] != data { Issue.record("\(path) differs with seed \(seed)") }
    }
}
