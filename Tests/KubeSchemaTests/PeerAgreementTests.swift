import Foundation
import KubeModel
import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

/// Agreement with a real peer: `kubernetes-validate --strict` (PyPI) and kubec judge the same documents.
///
/// Runs `scripts/schemas/peer_verdicts.py` (the library call behind `kubernetes-validate --strict`) over our
/// fixtures and `../shared/corpus`, and asserts the same valid/invalid verdict per document wherever both have a
/// schema. Skipped, loudly, when the Python package is not installed (`pip install kubernetes-validate`).
@Suite(.enabled(if: RealTool.isCI || PeerVerdicts.available, "kubernetes-validate is not installed: pip install kubernetes-validate"))
struct PeerAgreementTests {
    /// Documents where kubec deliberately says "invalid" and kubernetes-validate "valid": file suffix, document
    /// index, and why. Each is something the API server rejects but the peer's schemas cannot express.
    static let deliberateDifferences: [(file: String, document: Int, reason: String)] = [
        ("peers/differences.yaml", 0, "protocol: tcp — the API server accepts only TCP, UDP, SCTP (enum overlay)"),
        ("peers/differences.yaml", 1, "memory: 1 GB is not a resource.Quantity; the peer's Quantity is any string"),
        ("peers/differences.yaml", 2, "Secret data must be base64 ([]byte); the peer does not check format: byte"),
        ("peers/differences.yaml", 3, "Service type Loadbalancer — enum overlay (ClusterIP, ExternalName, LoadBalancer, NodePort)"),
        ("volumes/aws_ebs/aws-ebs-web.yaml", 0, "protocol: tcp (lower case) — rejected by the API server"),
        ("volumes/cinder/cinder-web.yaml", 0, "protocol: tcp (lower case) — rejected by the API server"),
    ]

    /// Documents where the peer says "invalid" and kubec "valid", with why kubec is right.
    static let peerOnlyFindings: [(file: String, document: Int, reason: String)] = [
        ("peers/differences.yaml", 4, "PyYAML turns an unquoted 2024-01-15 into a date, not a string; goyaml.v2 (the API server) keeps the string"),
    ]

    @Test func verdictsAgreeWithKubernetesValidateStrict() throws {
        let fixtures = RepositoryPaths.fixture("KubeSchemaTests", "peers")
        let paths = [fixtures] + (SchemaTest.corpus.map { [$0] } ?? [])
        let peer = try PeerVerdicts.run(version: BundledSchemas.newest, paths: paths)
        let ours = OurVerdicts.compute(paths: paths)
        var compared = 0
        var disagreements: [String] = []
        for (key, theirs) in peer.sorted(by: { $0.key < $1.key }) {
            guard let mine = ours[key], theirs.verdict == "valid" || theirs.verdict == "invalid",
                  mine == "valid" || mine == "invalid"
            else { continue }
            compared += 1
            guard mine != theirs.verdict else { continue }
            let listed = mine == "invalid" ? Self.deliberateDifferences.map { ($0.file, $0.document) }
                : Self.peerOnlyFindings.map { ($0.file, $0.document) }
            if listed.contains(where: { key.file.hasSuffix($0.0) && key.document == $0.1 }) { continue }
            disagreements.append("\(key): kubec \(mine), kubernetes-validate \(theirs.verdict) \(theirs.message)")
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        #expect(compared > 500)
    }

    @Test(arguments: [("valid.yaml", "valid", 5), ("invalid.yaml", "invalid", 7)])
    func labelledFixturesGetTheSameVerdictFromBoth(_ file: String, _ expected: String, _ count: Int) throws {
        let path = RepositoryPaths.fixture("KubeSchemaTests", "peers/\(file)")
        let peer = try PeerVerdicts.run(version: BundledSchemas.newest, paths: [path])
        let ours = OurVerdicts.compute(paths: [path])
        #expect(peer.count == count)
        #expect(peer.values.allSatisfy { $0.verdict == expected }, "\(peer.values.map { ($0.document, $0.verdict, $0.message) })")
        #expect(ours.count == count)
        #expect(ours.values.allSatisfy { $0 == expected }, "\(ours)")
    }

    @Test func everyListedDifferenceStillDiffers() throws {
        let paths = [RepositoryPaths.fixture("KubeSchemaTests", "peers")] + (SchemaTest.corpus.map { [$0] } ?? [])
        let peer = try PeerVerdicts.run(version: BundledSchemas.newest, paths: paths)
        let ours = OurVerdicts.compute(paths: paths)
        let available = SchemaTest.corpus != nil
        for entry in Self.deliberateDifferences + Self.peerOnlyFindings
        where available || entry.file.hasPrefix("peers/") {
            let key = peer.keys.first { $0.file.hasSuffix(entry.file) && $0.document == entry.document }
            let found = try #require(key, "listed document \(entry.file)#\(entry.document) not found")
            #expect(peer[found]?.verdict != ours[found], "\(entry.file)#\(entry.document) no longer differs")
        }
    }
}

/// One document: file, index in the file, index inside a `kind: List`.
struct DocumentKey: Hashable, Comparable, CustomStringConvertible {
    var file: String
    var document: Int
    var item: Int?

    static func < (lhs: DocumentKey, rhs: DocumentKey) -> Bool {
        (lhs.file, lhs.document, lhs.item ?? -1) < (rhs.file, rhs.document, rhs.item ?? -1)
    }

    var description: String { "\(file)#\(document)" + (item.map { "[\($0)]" } ?? "") }
}

/// kubec's verdict per document: "valid", "invalid" (an error finding), or "no-schema" (missing or removed).
enum OurVerdicts {
    static func compute(paths: [String]) -> [DocumentKey: String] {
        let set = ManifestSet.decode(YAMLLoader.load(InputCollector.collect(paths).inputs))
        let found = SchemaValidator.validate(set, options: SchemaOptions())
        var verdicts: [DocumentKey: String] = [:]
        var spans: [String: [(start: KubeYAML.SourceLocation, end: KubeYAML.SourceLocation, key: DocumentKey)]] = [:]
        for manifest in set.manifests {
            let key = DocumentKey(file: manifest.file, document: manifest.document.index, item: manifest.document.listItem)
            verdicts[key] = "valid"
            spans[manifest.file, default: []].append((manifest.node.span.start, manifest.node.span.end, key))
        }
        for diagnostic in found where diagnostic.severity == .error {
            guard let range = diagnostic.range,
                  let owner = spans[range.file]?.last(where: { $0.start <= range.start && range.start <= $0.end })
            else { continue }
            let noSchema = diagnostic.rule == SchemaRuleID.missing || diagnostic.rule == SchemaRuleID.apiVersionRemoved
            verdicts[owner.key] = noSchema ? "no-schema" : "invalid"
        }
        return verdicts
    }
}

/// Runs the peer through `scripts/schemas/peer_verdicts.py`.
enum PeerVerdicts {
    struct Verdict: Decodable {
        var file: String
        var document: Int
        var item: Int?
        var verdict: String
        var message: String
    }

    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import kubernetes_validate"]
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    static func run(version: String, paths: [String]) throws -> [DocumentKey: Verdict] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.root + "/scripts/schemas/peer_verdicts.py", version] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var result: [DocumentKey: Verdict] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line))
            result[DocumentKey(file: verdict.file, document: verdict.document, item: verdict.item)] = verdict
        }
        return result
    }
}
