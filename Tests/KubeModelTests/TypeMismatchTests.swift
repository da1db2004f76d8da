import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct TypeMismatchTests {
    @Test func quotedReplicasIsReportedInTheAPIServerWords() throws {
        let source = MarkedSource(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: ↓"3"
            """)
        let set = decode(source.text)
        let diagnostic = try #require(set.diagnostics.first)
        #expect(set.diagnostics.count == 1)
        #expect(diagnostic.rule == "model-type-mismatch")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.path == "spec.replicas")
        #expect(
            diagnostic.message
                == #"spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string""#)
        #expect(diagnostic.range?.start == source.locations[0])
        #expect(diagnostic.object?.name == "web")
    }

    @Test func mismatchedFieldTakesItsDefault() {
        guard
            case .deployment(let deployment) = object(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {replicas: "3"}
                """)
        else {
            Issue.record("not a deployment")
            return
        }
        #expect(deployment.spec.replicas == 1)
    }

    @Test func deepFieldPathNamesSequenceIndexes() throws {
        let source = MarkedSource(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: nginx
              - name: b
                image: nginx
                ports:
                - containerPort: ↓http
            """)
        let diagnostic = try #require(decode(source.text).diagnostics.first)
        #expect(diagnostic.path == "spec.containers[1].ports[0].containerPort")
        #expect(diagnostic.range?.start == source.locations[0])
    }

    @Test func mappingWhereAListBelongsIsReported() throws {
        let source = MarkedSource(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports: ↓{}
            """)
        let set = decode(source.text)
        let diagnostic = try #require(set.diagnostics.first)
        #expect(diagnostic.message.hasSuffix(#"spec.ports in body must be of type array: "object""#))
        #expect(diagnostic.range?.start == source.locations[0])
        guard case .service(let service) = set.manifests.first?.object else {
            Issue.record("not a service")
            return
        }
        #expect(service.spec.ports.isEmpty)
    }

    @Test func numberWhereAStringBelongsKeepsTheText() throws {
        let set = decode(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: 1.25
            """)
        #expect(set.diagnostics.map(\.path) == ["spec.containers[0].image"])
        #expect(set.diagnostics.first?.hint == "quote the value so YAML reads it as a string")
        guard case .pod(let pod) = set.manifests.first?.object else {
            Issue.record("not a pod")
            return
        }
        #expect(pod.spec.containers.first?.image == "1.25")
    }

    @Test func labelValueThatIsABooleanIsReported() {
        let set = decode(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
              labels: {istio-injection: on}
            """)
        #expect(set.diagnostics.map(\.path) == ["metadata.labels.istio-injection"])
    }

    @Test func malformedQuantityIsAnInvalidValue() throws {
        let set = decode(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                resources:
                  limits: {memory: 5mi}
            """)
        let diagnostic = try #require(set.diagnostics.first)
        #expect(diagnostic.rule == "model-invalid-value")
        #expect(diagnostic.path == "spec.containers[0].resources.limits.memory")
        #expect(diagnostic.message.contains("unable to parse quantity's suffix"))
    }

    @Test func integralFloatIsAcceptedAsAnInteger() {
        let set = decode(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 3.0}
            """)
        #expect(set.diagnostics.isEmpty)
        guard case .deployment(let deployment) = set.manifests.first?.object else {
            Issue.record("not a deployment")
            return
        }
        #expect(deployment.spec.replicas == 3)
    }

    @Test func nullFieldIsAbsentWithoutComplaint() {
        let set = decode(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: null, template: ~}
            """)
        #expect(set.diagnostics.isEmpty)
    }

    @Test func specThatIsAScalarIsReportedAndDecodingGoesOn() {
        let set = decode(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: oops
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: t}
            """)
        #expect(set.diagnostics.map(\.path) == ["spec"])
        #expect(set.services.count == 2)
    }

    @Test func olderIngressVersionStaysGeneric() {
        let set = decode(
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: old}
            spec: {backend: {serviceName: web, servicePort: 80}}
            """)
        #expect(set.manifests.first?.object.isGeneric == true)
        #expect(set.diagnostics.isEmpty)
    }

    @Test func unknownKindStaysGeneric() {
        #expect(
            object(
                """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: c}
                spec: {replicas: "x"}
                """)?.isGeneric == true)
    }
}
