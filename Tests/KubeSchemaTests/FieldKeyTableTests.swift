import KubeSchema
import KubeTestSupport
import Testing

@Suite struct FieldKeyTableTests {
    private static func node(_ names: [String]) -> SchemaNode {
        var node = SchemaNode()
        for (offset, name) in names.enumerated() { node.properties[name] = Int32(offset) }
        node.indexFields()
        return node
    }

    private static func lookup(_ key: String, in node: SchemaNode) -> Int32? {
        var key = key
        return key.withUTF8 { node.keyTable.field(for: $0)?.node }
    }

    @Test func findsEveryDeclaredPropertyByItsBytes() {
        let names = (0..<40).map { "field\($0)" } + ["a", "image", "imagePullPolicy", "topologyKey"]
        let node = Self.node(names)
        #expect(names.map { Self.lookup($0, in: node) } == names.indices.map { Int32($0) })
    }

    @Test func rejectsPrefixesExtensionsAndOtherCase() {
        let node = Self.node(["image", "imagePullPolicy", "ports"])
        let misses = ["imag", "images", "imagePullpolicy", "Image", "", "port", "portz"]
        #expect(misses.allSatisfy { Self.lookup($0, in: node) == nil })
    }

    @Test func keysDifferingOnlyInTheirLastWordOrTailBytesAreDifferentFields() {
        let names = ["terminationMessagePolicy", "terminationMessagePath", "imagePullPolicy", "imagePullSecrets", ""]
        let node = Self.node(names)
        #expect(names.map { Self.lookup($0, in: node) } == names.indices.map { Int32($0) })
        let misses = ["terminationMessagePolicz", "terminationMessagePathX", "imagePullPolicx", "imagePullSecret"]
        #expect(misses.allSatisfy { Self.lookup($0, in: node) == nil })
    }

    @Test func aKeyOnlyUnicodeEqualToAPropertyIsUnknown() {
        // "K" written as U+212A KELVIN SIGN: Swift's String == calls it equal, the API server compares bytes.
        let found = SchemaTest.findings("schema-unknown-field", in: """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: a, image: nginx}]
              topologySpreadConstraints:
              - {maxSkew: 1, topology\u{212A}ey: zone, whenUnsatisfiable: DoNotSchedule}
            """)
        #expect(found.map(\.path) == ["spec.topologySpreadConstraints[0].topology\u{212A}ey"])
    }
}
