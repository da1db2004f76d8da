import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct TypeValidationTests {
    @Test func wrongTypeIsReportedAtTheValueWithItsPath() {
        let source = MarkedSource("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: ↓"three"
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
            """)
        let found = SchemaTest.validate(source.text)
        #expect(found.map(\.rule) == ["schema-type"])
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.path == "spec.replicas")
        #expect(found.first?.message == #"invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: got "string", expected "integer""#)
    }

    @Test func nestedPathNamesListIndices() {
        let found = SchemaTest.findings("schema-type", in: """
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
                - containerPort: "80"
            """)
        #expect(found.map(\.path) == ["spec.containers[1].ports[0].containerPort"])
    }

    @Test func unquotedYesInAStringFieldSaysBooleanAndHintsQuoting() {
        let source = MarkedSource("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: nginx
                env:
                - name: DEBUG
                  value: ↓yes
            """)
        let found = SchemaTest.findings("schema-type", in: source.text)
        #expect(found.count == 1)
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.message.contains("the unquoted yes is a boolean here") == true)
        #expect(found.first?.hint == #"quote it: value: "yes""#)
    }

    @Test func quotedYesInAStringFieldIsValid() {
        let found = SchemaTest.validate("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {enabled: "yes", port: "8080"}
            """)
        #expect(found.isEmpty)
    }

    @Test func unquotedNumberInAStringMapHintsQuoting() {
        let found = SchemaTest.findings("schema-type", in: """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            data: {version: 1.20}
            """)
        #expect(found.first?.message.contains("the unquoted 1.20 is a number here") == true)
        #expect(found.first?.path == "data.version")
    }

    @Test func integralFloatIsAcceptedForAnInteger() {
        let found = SchemaTest.validate("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2.0
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """)
        #expect(found.isEmpty)
    }

    @Test(arguments: ["8080", "http", "\"8080\""])
    func intOrStringAcceptsBothForms(_ port: String) {
        let found = SchemaTest.validate("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports: [{port: 80, targetPort: \(port)}]
            """)
        #expect(found.isEmpty)
    }

    @Test(arguments: ["8080.5", "true", "{a: 1}", "[80]"])
    func intOrStringRejectsOtherTypes(_ port: String) {
        let found = SchemaTest.findings("schema-type", in: """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports: [{port: 80, targetPort: \(port)}]
            """)
        #expect(found.map(\.path) == ["spec.ports[0].targetPort"])
    }
}
