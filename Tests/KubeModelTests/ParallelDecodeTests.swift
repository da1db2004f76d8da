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
}
