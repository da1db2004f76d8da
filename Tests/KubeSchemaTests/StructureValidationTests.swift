import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct StructureValidationTests {
    @Test func missingRequiredFieldPointsAtTheParentMapping() {
        let source = MarkedSource("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              ↓replicas: 2
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """)
        let found = SchemaTest.validate(source.text)
        #expect(found.map(\.rule) == ["schema-required"])
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.path == "spec.selector")
        #expect(found.first?.message == #"missing required field "selector" in io.k8s.api.apps.v1.DeploymentSpec"#)
    }

    @Test func missingContainerNameNamesTheListItem() {
        let found = SchemaTest.findings("schema-required", in: """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - image: nginx
            """)
        #expect(found.map(\.path) == ["spec.containers[0].name"])
    }

    @Test func unknownFieldIsAnErrorWhenStrict() {
        let source = MarkedSource("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: nginx
                ↓imagePullpolicy: Always
            """)
        let found = SchemaTest.validate(source.text)
        #expect(found.map(\.rule) == ["schema-unknown-field"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.path == "spec.containers[0].imagePullpolicy")
        #expect(found.first?.hint == #"did you mean "imagePullPolicy"?"#)
    }

    @Test func unknownFieldIsAWarningWhenNotStrict() {
        let found = SchemaTest.validate("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            specDOESNOTEXIST: {}
            spec: {ports: [{port: 80}]}
            """, options: SchemaOptions(strict: false))
        #expect(found.map(\.rule) == ["schema-unknown-field"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == #"unknown field "specDOESNOTEXIST" in io.k8s.api.core.v1.Service"#)
    }

    @Test func mapValuesAreNotUnknownFields() {
        let found = SchemaTest.validate("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              labels: {app: web, tier.example.com/role: x}
              annotations: {anything: goes}
            data: {a: b}
            """)
        #expect(found.isEmpty)
    }

    @Test func enumViolationListsTheSupportedValues() {
        let source = MarkedSource("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: nginx
                imagePullPolicy: ↓always
            """)
        let found = SchemaTest.validate(source.text)
        #expect(found.map(\.rule) == ["schema-enum"])
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.message == #"Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never""#)
        #expect(found.first?.hint == #"did you mean "Always"?"#)
    }

    @Test func invalidQuantityIsAFormatError() {
        let found = SchemaTest.findings("schema-format", in: """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: nginx
                resources: {limits: {memory: 1 GB, cpu: 500m}, requests: {memory: 128Mi, cpu: 0.5}}
            """)
        #expect(found.map(\.path) == ["spec.containers[0].resources.limits.memory"])
    }

    @Test func secretDataMustBeBase64() {
        let found = SchemaTest.findings("schema-format", in: """
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            data: {good: aGVsbG8=, bad: hello!}
            """)
        #expect(found.map(\.path) == ["data.bad"])
        #expect(found.first?.message == "illegal base64 data at input byte 5")
    }

    @Test func clusterDocumentIsValidatedLikeAnyKind() {
        let valid = SchemaTest.validate("""
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: demo}
            spec:
              kubernetesVersion: "1.34"
              serviceCIDR: [10.96.0.0/12, fd00::/108]
              dns: {ttl: 5}
              proxy: {masqueradeBit: 14, masqueradeAll: false, ipvsScheduler: rr}
              ingress: {listenAddress: 0.0.0.0, httpPort: 80, httpsPort: 443, tlsDirectory: /etc/kubec/tls}
            """)
        #expect(valid.isEmpty)
        let invalid = SchemaTest.validate("""
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: demo}
            spec:
              kubernetesVersion: 1.34
              proxy: {ipvsScheduler: roundrobin}
              clusterDomian: cluster.local
            """)
        #expect(invalid.map(\.rule).sorted() == ["schema-enum", "schema-type", "schema-unknown-field"])
    }
}
