import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct CustomResourceTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: integer, minimum: 1}
                      color: {type: string, enum: [red, blue]}
                      port: {x-kubernetes-int-or-string: true}
                      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """

    @Test func customResourceMatchingTheCRDInTheSameFileIsValid() {
        let found = SchemaTest.validate(Self.crd + """

            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, labels: {app: w}}
            spec: {size: 3, color: red, port: http, extra: {anything: [1, 2]}}
            """)
        #expect(found.isEmpty)
    }

    @Test func customResourceViolatingTheCRDIsReported() {
        let found = SchemaTest.validate(Self.crd + """

            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: "3", color: green, port: 1.5, colour: red}
            """)
        #expect(found.map(\.rule).sorted() == ["schema-enum", "schema-type", "schema-type", "schema-unknown-field"])
        #expect(found.map(\.path).contains("spec.colour"))
    }

    @Test func crdBoundsAreChecked() {
        let found = SchemaTest.findings("schema-value", in: Self.crd + """

            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: 0}
            """)
        #expect(found.map(\.message) == ["Invalid value: 0: spec.size in body should be greater than or equal to 1"])
    }

    @Test func missingRequiredFieldOfACustomResource() {
        let found = SchemaTest.findings("schema-required", in: Self.crd + """

            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {color: red}
            """)
        #expect(found.map(\.path) == ["spec.size"])
    }

    @Test func unservedVersionHasNoSchema() {
        let found = SchemaTest.findings("schema-missing", in: Self.crd + """

            ---
            apiVersion: example.com/v2
            kind: Widget
            metadata: {name: w}
            """)
        #expect(found.count == 1)
    }

    @Test func schemaLocationFileInKubeconformLayoutValidates() {
        let options = SchemaOptions(schemaLocations: [RepositoryPaths.fixture("KubeSchemaTests", "schema-location")])
        let text = """
            apiVersion: sagemaker.aws.amazon.com/v1
            kind: TrainingJob
            metadata: {name: t}
            spec: {trainingJobName: t, region: us-east-1, resourceConfig: {instanceCount: 1}}
            ---
            apiVersion: sagemaker.aws.amazon.com/v1
            kind: TrainingJob
            metadata: {name: u}
            spec: {region: mars, resourceConfig: {instanceCount: one}}
            """
        let found = SchemaTest.validate(text, options: options)
        #expect(found.map(\.rule).sorted() == ["schema-enum", "schema-required", "schema-type"])
        #expect(found.allSatisfy { $0.object?.name == "u" })
    }

    @Test func schemaLocationFileInCatalogLayoutValidates() {
        let options = SchemaOptions(schemaLocations: [RepositoryPaths.fixture("KubeSchemaTests", "schema-location/catalog")])
        let found = SchemaTest.validate("""
            apiVersion: sagemaker.aws.amazon.com/v1
            kind: HyperparameterTuningJob
            metadata: {name: h}
            spec: {maxParallelTrainingJobs: 2, maxParalelTrainingJobs: 3}
            """, options: options)
        #expect(found.map(\.path) == ["spec.maxParalelTrainingJobs"])
    }

    @Test func schemaLocationFileInKubernetesValidateLayoutResolvesSharedDefinitions() {
        let options = SchemaOptions(schemaLocations: [RepositoryPaths.fixture("KubeSchemaTests", "schema-location-kv")])
        let found = SchemaTest.validate("""
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: ok}
            spec: {size: 1, port: http}
            ---
            apiVersion: example.com/v1
            kind: Gadget
            metadata: {name: bad, labelz: {}}
            spec: {port: 1.5}
            """, options: options)
        #expect(found.map(\.rule).sorted() == ["schema-required", "schema-type", "schema-unknown-field"])
        #expect(found.compactMap(\.path).sorted() == ["metadata.labelz", "spec.port", "spec.size"])
    }

    @Test func apiextensionsV1beta1CRDRegistersItsSharedSchema() {
        let found = SchemaTest.findings("schema-type", in: """
            apiVersion: apiextensions.k8s.io/v1beta1
            kind: CustomResourceDefinition
            metadata: {name: things.example.org}
            spec:
              group: example.org
              version: v1
              names: {kind: Thing, plural: things}
              validation:
                openAPIV3Schema:
                  properties:
                    spec: {properties: {count: {type: integer}}}
            ---
            apiVersion: example.org/v1
            kind: Thing
            metadata: {name: t}
            spec: {count: many}
            """, options: SchemaOptions(kubernetesVersion: "1.37"))
        #expect(found.map(\.path) == ["spec.count"])
    }

    @Test func aCustomResourceWithoutItsDefinitionIsAWarning() {
        let found = SchemaTest.validate("""
            apiVersion: sagemaker.aws.amazon.com/v1
            kind: TrainingJob
            metadata: {name: t}
            """)
        #expect(found.map(\.rule) == ["schema-missing"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("CustomResourceDefinition is not in the input") == true)
    }

    @Test func anUnknownVersionOfABuiltInGroupIsAnError() {
        let found = SchemaTest.validate("""
            apiVersion: apps/v2
            kind: Deployment
            metadata: {name: t}
            """)
        #expect(found.map(\.rule) == ["schema-missing"])
        #expect(found.first?.severity == .error)
    }

    @Test func anUnknownKindOfADottedBuiltInGroupIsAnError() {
        let found = SchemaTest.validate("""
            apiVersion: networking.k8s.io/v1
            kind: Ingres
            metadata: {name: t}
            """)
        #expect(found.first?.severity == .error)
    }

    @Test func aBuiltInTypoIsAWarningWhenIgnored() {
        let found = SchemaTest.validate("""
            apiVersion: apps/v2
            kind: Deployment
            metadata: {name: t}
            """, options: SchemaOptions(ignoreMissingSchemas: true))
        #expect(found.map(\.rule) == ["schema-missing"])
        #expect(found.first?.severity == .warning)
    }
}
