import KubeModel
import Testing

/// `LabelIndex` hands out candidates: every object a selector selects must be among them (the caller filters
/// the rest), and they are positions in ascending order.
struct LabelIndexTests {
    /// Six objects in two namespaces.
    private static let objects: [(namespace: String, labels: [String: String])] = [
        ("a", ["app": "web", "tier": "front"]),
        ("a", ["app": "api", "tier": "back"]),
        ("b", ["app": "web", "tier": "front"]),
        ("a", ["app": "db", "tier": "back", "disk": "ssd"]),
        ("a", [:]),
        ("a", ["app": "web", "tier": "back"]),
    ]

    private static var index: LabelIndex {
        var index = LabelIndex()
        for (position, object) in objects.enumerated() {
            index.insert(position, namespace: object.namespace, labels: object.labels)
        }
        return index
    }

    /// What a scan would select: the oracle the candidates are checked against.
    private static func scan(_ namespace: String, _ selector: LabelSelector) -> [Int] {
        objects.indices.filter { objects[$0].namespace == namespace && selector.matches(objects[$0].labels) }
    }

    static let selectors: [LabelSelector] = [
        LabelSelector(),
        LabelSelector(matchLabels: ["app": "web"]),
        LabelSelector(matchLabels: ["app": "web", "tier": "back"]),
        LabelSelector(matchLabels: ["app": "none"]),
        LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: .in, values: ["db", "web"])]),
        LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: .notIn, values: ["web"])]),
        LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "disk", operator: .exists)]),
        LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .doesNotExist)]),
        LabelSelector(
            matchLabels: ["tier": "back"],
            matchExpressions: [LabelSelectorRequirement(key: "app", operator: .in, values: ["api", "db"])]),
    ]

    @Test(arguments: selectors)
    func candidatesContainEverySelectedObjectInAscendingOrder(selector: LabelSelector) {
        for namespace in ["a", "b", "c"] {
            let candidates = Self.index.candidates(in: namespace, for: selector)
            #expect(candidates == candidates.sorted())
            #expect(Set(Self.scan(namespace, selector)).isSubset(of: candidates))
            #expect(candidates.allSatisfy { Self.objects[$0].namespace == namespace })
        }
    }

    @Test func equalityRequirementsNarrowToTheShortestPostingList() {
        let selector = LabelSelector(matchLabels: ["app": "db", "tier": "back"])
        #expect(Self.index.candidates(in: "a", for: selector) == [3])
        #expect(Self.index.candidates(in: "a", requiring: ["app": "web"]) == [0, 5])
    }

    @Test func anInRequirementUnitesTheListsOfItsValues() {
        let selector = LabelSelector(
            matchExpressions: [LabelSelectorRequirement(key: "app", operator: .in, values: ["web", "db"])])
        #expect(Self.index.candidates(in: "a", for: selector) == [0, 3, 5])
    }

    @Test func ignoredKeysAreNotLookedUp() {
        let candidates = Self.index.candidates(in: "a", requiring: ["app": "none"], ignoring: { $0 == "app" })
        #expect(candidates == [0, 1, 3, 4, 5])
    }

    @Test func knowsWhichNamespacesHoldObjects() {
        #expect(Self.index.hasObjects(in: "b"))
        #expect(!Self.index.hasObjects(in: "c"))
        #expect(Self.index.positions(in: "b") == [2])
    }
}
