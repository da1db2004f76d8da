import KubeModel
import KubeYAML
import Testing

/// Large inputs are decoded in chunks on several threads; the result must equal a serial pass.
@Suite struct ParallelDecodeTests {
    private static let count = 2_000

    private static let text: String = (0..<count).map { index in
        let replicas = index % 97 == 0 ? "\"\(index)\"" : "\(index % 5)"
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app-\(index)}
            spec: {replicas: \(replicas)}
            """
    }.joined(separator: "\n---\n")

    private let set = decode(Self.text)

    @Test func manifestsKeepInputOrder() {
        #expect(set.manifests.map(\.identity.name) == (0..<Self.count).map { "app-\($0)" })
    }

    @Test func diagnosticsKeepInputOrder() {
        let lines = set.diagnostics.compactMap { $0.range?.start.line }
        #expect(lines.count == (0..<Self.count).filter { $0 % 97 == 0 }.count)
        #expect(lines == lines.sorted())
    }

    @Test func typedValuesMatchTheirDocument() {
        let replicas = set.deployments.map(\.spec.replicas)
        let expected = (0..<Self.count).map { $0 % 97 == 0 ? 1 : $0 % 5 }
        #expect(replicas == expected)
    }

    /// Every 50th document is no object (classified and skipped), every 97th a decode error: the classification
    /// findings of all documents come first, then the decoders', each in input order, as separate passes give them.
    @Test func classificationFindingsPrecedeDecodingFindings() {
        let text = (0..<Self.count).map { index in
            if index % 50 == 0 { return "replicaCount: \(index)" }
            let replicas = index % 97 == 0 ? "\"\(index)\"" : "1"
            return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-\(index)}\nspec: {replicas: \(replicas)}"
        }.joined(separator: "\n---\n")
        let diagnostics = decode(text).diagnostics
        let skipped = (0..<Self.count).filter { $0 % 50 == 0 }.count
        let mistyped = (0..<Self.count).filter { $0 % 97 == 0 && $0 % 50 != 0 }.count
        #expect(diagnostics.map(\.rule) == Array(repeating: "not-an-object", count: skipped)
            + Array(repeating: ModelRuleIDs.typeMismatch, count: mistyped))
        let lines = diagnostics.compactMap { $0.range?.start.line }
        #expect(Array(lines[..<skipped]) == lines[..<skipped].sorted())
        #expect(Array(lines[skipped...]) == lines[skipped...].sorted())
    }
}
