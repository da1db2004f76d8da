import KubeDiff
import Testing

@Suite("Field paths and --ignore patterns")
struct FieldPathTests {
    static let imagePath = FieldPath([
        .key("spec"), .key("template"), .key("spec"), .key("containers"), .item([.init("name", "web")]), .key("image"),
    ])
    static let labelPath = FieldPath([.key("metadata"), .key("labels"), .key("app.kubernetes.io/name")])

    @Test func pathsRenderKeyedItemsAndQuoteDottedKeys() {
        #expect(Self.imagePath.description == "spec.template.spec.containers[name=web].image")
        #expect(Self.labelPath.description == "metadata.labels[\"app.kubernetes.io/name\"]")
        #expect(FieldPath([.key("spec"), .key("ports"), .index(0)]).description == "spec.ports[0]")
    }

    @Test(arguments: [
        "spec", "spec.template", "spec.template.spec.containers[*].image", "spec.template.spec.containers[name=web]",
        "spec.*.spec.containers", "spec.template.spec.containers[*]",
    ])
    func patternsThatMatchTheImagePath(pattern: String) throws {
        #expect(try FieldPathPattern(pattern).matches(Self.imagePath))
    }

    @Test(arguments: [
        "status", "spec.template.spec.containers[name=sidecar]", "spec.template.spec.containers[0]",
        "spec.template.spec.initContainers", "spec.replicas",
    ])
    func patternsThatDoNotMatchTheImagePath(pattern: String) throws {
        #expect(try !FieldPathPattern(pattern).matches(Self.imagePath))
    }

    @Test(arguments: [
        "metadata.labels.app.kubernetes.io/name", "metadata.labels[\"app.kubernetes.io/name\"]", "metadata.labels.*",
    ])
    func dottedKeysMatchPlainOrQuoted(pattern: String) throws {
        #expect(try FieldPathPattern(pattern).matches(Self.labelPath))
    }

    @Test(arguments: ["a[", "a..b", "", "a[x]", "a[=b]"])
    func malformedPatternsAreErrors(pattern: String) {
        #expect(throws: FieldPathPattern.ParseError.self) { try FieldPathPattern(pattern) }
    }
}
