import KubeModel
import KubeSchema
import KubeYAML
import Testing

@Suite struct BundledSchemaTests {
    @Test(arguments: BundledSchemas.versions)
    func everyBundledVersionDecodesCompletely(_ version: String) throws {
        let registry = try SchemaRegistry(options: SchemaOptions(kubernetesVersion: version))
        var table = registry.bundled
        #expect(table.materializeAll() == 0)
        #expect(table.kinds.count > 250)
        #expect(table.root(for: KindKey(apiVersion: "apps/v1", kind: "Deployment")) != nil)
        #expect(table.root(for: KindKey(apiVersion: "kubec.dev/v1alpha1", kind: "Cluster")) != nil)
        #expect(table.objectMeta.map { table[$0].name } == "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
    }

    @Test func atLeastTheFourNewestMinorVersionsAreBundled() {
        let minors = BundledSchemas.versions.compactMap(APIDeprecation.minor(of:))
        #expect(minors.count >= 4)
        #expect(minors == minors.sorted())
        #expect(minors.last.map { $0 >= 37 } == true)
    }

    @Test func outputDoesNotDependOnThreadScheduling() {
        var text = ""
        for index in 0..<400 {
            text += """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: s\(index)}
                spec: {ports: [{port: \(index % 3 == 0 ? "\"80\"" : "80"), protocoll: TCP}], type: \(index % 5 == 0 ? "Nodeport" : "NodePort")}

                """
        }
        let set = ManifestSet.decode(YAMLLoader.load(text: text))
        guard let registry = try? SchemaRegistry(options: SchemaOptions()) else {
            Issue.record("no registry")
            return
        }
        let parallel = SchemaValidator.validate(set, registry: registry, parallel: true)
        let serial = SchemaValidator.validate(set, registry: registry, parallel: false)
        #expect(parallel == serial)
        #expect(parallel.count == 400 + 134 + 80)
    }
}
