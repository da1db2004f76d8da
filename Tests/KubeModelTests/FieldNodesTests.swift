import KubeModel
import KubeYAML
import Testing

/// The decoder records where the fields lint rules point at were written.
struct FieldNodesTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostPID: true
          containers:
          - name: web
            image: nginx:1.27
            securityContext: {privileged: true}
          ephemeralContainers:
          - name: debug
            image: busybox
            ports: not-a-list
        """

    static func spec() -> PodSpec? {
        guard case .pod(let pod) = decode(pod).manifests.first?.object else { return nil }
        return pod.spec
    }

    @Test func aContainerKnowsWhereItsImageKeyAndValueAre() throws {
        let container = try #require(Self.spec()?.containers.first)
        let key = try #require(container.fieldNodes.key(.image, in: container.node))
        let value = try #require(container.fieldNodes.value(.image, in: container.node))
        #expect(key.location == SourceLocation(line: 8, column: 5))
        #expect(value.location == SourceLocation(line: 8, column: 12))
        #expect(value.text == "nginx:1.27")
    }

    @Test func anAbsentFieldHasNoNode() throws {
        let container = try #require(Self.spec()?.containers.first)
        #expect(container.fieldNodes.value(.livenessProbe, in: container.node) == nil)
    }

    @Test func aPodSpecRecordsFieldsItDoesNotDecode() throws {
        let spec = try #require(Self.spec())
        #expect(spec.fieldNodes.key(.hostPID, in: spec.node)?.location == SourceLocation(line: 5, column: 3))
    }

    @Test func ephemeralContainersAreDecodedWithoutFindingsOfTheirOwn() throws {
        let spec = try #require(Self.spec())
        #expect(spec.ephemeralContainers.map(\.name) == ["debug"])
        #expect(decode(Self.pod).diagnostics.isEmpty)
    }
}
