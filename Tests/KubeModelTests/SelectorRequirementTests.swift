import KubeModel
import Testing

/// Label and node selector requirements are one type; only the operators each knows differ.
struct SelectorRequirementTests {
    @Test func aLabelSelectorDoesNotKnowGtAndMatchesNothingWithIt() {
        let requirement = LabelSelectorRequirement(key: "cores", operator: .gt, values: ["4"])
        #expect(requirement.knownOperator == nil)
        #expect(!requirement.matches(["cores": "8"]))
        #expect(LabelSelector(matchExpressions: [requirement]).isInvalid)
    }

    @Test func aNodeSelectorComparesIntegersWithGtAndLt() {
        #expect(NodeSelectorRequirement(key: "cores", operator: .gt, values: ["4"]).matches(["cores": "8"]))
        #expect(!NodeSelectorRequirement(key: "cores", operator: .lt, values: ["4"]).matches(["cores": "8"]))
        #expect(!NodeSelectorRequirement(key: "cores", operator: .gt, values: ["4", "5"]).matches(["cores": "8"]))
    }

    @Test func bothKindsShareTheSetOperators() {
        let labels = ["tier": "web"]
        for op in [SelectorOperator.in, .notIn, .exists, .doesNotExist] {
            let values = op == .in || op == .notIn ? ["web"] : []
            #expect(
                LabelSelectorRequirement(key: "tier", operator: op, values: values).matches(labels)
                    == NodeSelectorRequirement(key: "tier", operator: op, values: values).matches(labels))
        }
    }
}
