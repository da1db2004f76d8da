import Foundation
import KubeTestSupport
import KubeYAML

/// Parses one input with the fast scanner and with libyaml and says how they compare.
enum FastScannerOracle {
    enum Outcome: Equatable {
        case same
        case gaveUp
        case differs(String)
    }

    static func compare(_ text: String, file: String = "<input>", limits: YAMLLimits = .default) -> Outcome {
        compare(Array(text.utf8), file: file, limits: limits)
    }

    static func compare(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> Outcome {
        let expected = YAMLParserPaths.libyaml(file: file, bytes: bytes, limits: limits)
        guard let actual = YAMLParserPaths.fast(file: file, bytes: bytes, limits: limits) else { return .gaveUp }
        if let difference = difference(expected, actual) { return .differs("\(file): \(difference)") }
        return .same
    }

    /// The first difference between two results (records with marks, styles, types and flags; children;
    /// scalar values; roots; diagnostics), or nil. A scalar's value is compared by its bytes, not by where they
    /// lie: the fast scanner's arena starts with the input and points at values found there verbatim.
    static func difference(_ expected: YAMLParserPaths.Result, _ actual: YAMLParserPaths.Result) -> String? {
        let left = expected.tree
        let right = actual.tree
        for index in 0..<min(left.records.count, right.records.count) {
            let a = left.records[index]
            let b = right.records[index]
            if a.kind != b.kind || a.style != b.style || a.type != b.type || a.flags != b.flags || a.start != b.start
                || a.end != b.end || (a.kind != .scalar && a.first != b.first) || a.count != b.count {
                return "record \(index): libyaml \(describe(a)), fast \(describe(b))"
            }
            if a.kind == .scalar, value(a, left) != value(b, right) {
                return "record \(index): libyaml value \(value(a, left)), fast \(value(b, right))"
            }
        }
        if left.records.count != right.records.count {
            return "\(left.records.count) records from libyaml, \(right.records.count) from the fast scanner"
        }
        if left.children != right.children { return "children differ" }
        if left.file != right.file { return "file names differ" }
        let leftRoots = expected.roots.map { [Int($0.id), $0.document] }
        let rightRoots = actual.roots.map { [Int($0.id), $0.document] }
        if leftRoots != rightRoots { return "roots differ: \(leftRoots) vs \(rightRoots)" }
        if expected.diagnostics != actual.diagnostics {
            return "diagnostics differ: \(expected.diagnostics) vs \(actual.diagnostics)"
        }
        return nil
    }

    private static func value(_ record: NodeRecord, _ tree: YAMLTree) -> [UInt8] {
        Array(tree.arena[Int(record.first)..<Int(record.first + record.count)])
    }

    private static func describe(_ record: NodeRecord) -> String {
        "\(record.kind) \(record.style) \(record.type) flags \(record.flags) "
            + "\(record.start.line):\(record.start.column)-\(record.end.line):\(record.end.column) "
            + "first \(record.first) count \(record.count)"
    }

    // MARK: Inputs

    /// Every YAML and JSON file under `folder`, sorted.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let lower = relative.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else { continue }
            paths.append(folder + "/" + relative)
        }
        return paths.sorted()
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { Array($0) } ?? []
    }

    /// The shared corpus of real manifests, when it is beside the checkout.
    static var corpusFiles: [String] {
        RepositoryPaths.corpus.map { files(under: $0) } ?? []
    }

    /// The YAML fixtures of every test target, the demo manifests and the generated benchmark inputs.
    static var repositoryFiles: [String] {
        files(under: RepositoryPaths.root + "/Tests") + files(under: RepositoryPaths.manifests)
    }

    static var benchmarkFiles: [String] {
        files(under: RepositoryPaths.fixture("KubeYAMLTests", "FastScanner"))
    }
}
