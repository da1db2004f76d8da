import KubeModel
import Testing

@Suite struct LabelSelectorTests {
    private let labels = ["app": "web", "tier": "front"]

    @Test func emptySelectorMatchesEverything() {
        #expect(LabelSelector().isEmpty)
        #expect(LabelSelector().matches([:]))
        #expect(LabelSelector().matches(labels))
    }
    @Test func matchLabelsNeedEveryPair() {
        #expect(LabelSelector(matchLabels: ["app": "web"]).matches(labels))
        #expect(!LabelSelector(matchLabels: ["app": "web", "tier": "back"]).matches(labels))
        #expect(!LabelSelector(matchLabels: ["missing": ""]).matches(labels))
    }
    @Test func inNeedsThePresentValueToBeListed() {
        let requirement = LabelSelectorRequirement(key: "tier", operator: .in, values: ["front", "back"])
        #expect(requirement.matches(labels))
        #expect(!requirement.matches(["tier": "db"]))
        #expect(!requirement.matches([:]))
    }
    @Test func notInMatchesAbsentKeys() {
        let requirement = LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["back"])
        #expect(requirement.matches(labels))
        #expect(requirement.matches([:]))
        #expect(!requirement.matches(["tier": "back"]))
    }
    @Test func existsNeedsTheKey() {
        let requirement = LabelSelectorRequirement(key: "app", operator: .exists)
        #expect(requirement.matches(labels))
        #expect(!requirement.matches(["other": "x"]))
    }
    @Test func doesNotExistNeedsTheKeyAbsent() {
        let requirement = LabelSelectorRequirement(key: "app", operator: .doesNotExist)
        #expect(!requirement.matches(labels))
        #expect(requirement.matches(["other": "x"]))
    }
    @Test func expressionsAndLabelsAreAnded() {
        let selector = LabelSelector(
            matchLabels: ["app": "web"],
            matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .in, values: ["back"])])
        #expect(!selector.matches(labels))
    }
    @Test func unknownOperatorMatchesNothing() throws {
        let set = decode(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector:
                matchExpressions: [{key: app, operator: Like, values: [web]}]
            """)
        guard case .deployment(let deployment) = set.manifests.first?.object else {
            Issue.record("not a deployment")
            return
        }
        let selector = try #require(deployment.spec.selector)
        #expect(selector.isInvalid)
        #expect(!selector.matches(["app": "web"]))
    }
    @Test func selectorTextIsSortedLikeKubectl() {
        let selector = LabelSelector(
            matchLabels: ["app": "web"],
            matchExpressions: [
                LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["b", "a"]),
                LabelSelectorRequirement(key: "legacy", operator: .doesNotExist),
            ])
        #expect(selector.selectorText == "app=web,!legacy,tier notin (a,b)")
    }
}

@Suite struct NodeSelectorTests {
    private let labels = ["zone": "a", "cores": "8", "gpu": "true"]

    private func term(
        _ key: String, _ op: NodeSelectorRequirement.Operator, _ values: [String] = []
    ) -> NodeSelectorTerm {
        NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: key, operator: op, values: values)])
    }

    @Test func inMatchesListedValue() {
        #expect(term("zone", .in, ["a", "b"]).matches(labels: labels, nodeName: "n1"))
        #expect(!term("zone", .in, ["c"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func notInMatchesOtherAndAbsent() {
        #expect(term("zone", .notIn, ["c"]).matches(labels: labels, nodeName: "n1"))
        #expect(term("rack", .notIn, ["c"]).matches(labels: labels, nodeName: "n1"))
        #expect(!term("zone", .notIn, ["a"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func existsAndDoesNotExist() {
        #expect(term("gpu", .exists).matches(labels: labels, nodeName: "n1"))
        #expect(!term("gpu", .doesNotExist).matches(labels: labels, nodeName: "n1"))
        #expect(term("rack", .doesNotExist).matches(labels: labels, nodeName: "n1"))
    }
    @Test func greaterThanComparesIntegers() {
        #expect(term("cores", .gt, ["4"]).matches(labels: labels, nodeName: "n1"))
        #expect(!term("cores", .gt, ["8"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func lessThanComparesIntegers() {
        #expect(term("cores", .lt, ["16"]).matches(labels: labels, nodeName: "n1"))
        #expect(!term("cores", .lt, ["8"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func greaterThanWithNonIntegerLabelNeverMatches() {
        #expect(!term("zone", .gt, ["1"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func greaterThanWithNonIntegerValueNeverMatches() {
        #expect(!term("cores", .gt, ["four"]).matches(labels: labels, nodeName: "n1"))
        #expect(!term("cores", .lt, ["1", "2"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func greaterThanOnMissingLabelNeverMatches() {
        #expect(!term("rack", .gt, ["1"]).matches(labels: labels, nodeName: "n1"))
    }
    @Test func matchFieldsMatchTheNodeName() {
        let byName = NodeSelectorTerm(matchFields: [
            NodeSelectorRequirement(
                key: "metadata.name", operator: .in,
                values: ["n1"])
        ])
        #expect(byName.matches(labels: labels, nodeName: "n1"))
        #expect(!byName.matches(labels: labels, nodeName: "n2"))
    }
    @Test func emptyTermMatchesNothing() {
        #expect(!NodeSelectorTerm().matches(labels: labels, nodeName: "n1"))
    }
    @Test func termsAreOred() {
        let selector = NodeSelector(terms: [term("zone", .in, ["z"]), term("gpu", .exists)])
        #expect(selector.matches(labels: labels, nodeName: "n1"))
        #expect(!NodeSelector(terms: []).matches(labels: labels, nodeName: "n1"))
    }
}

@Suite struct TolerationTests {
    static let cases: [(Toleration, Taint, Bool, String)] = [
        (
            Toleration(key: "", operator: .exists), Taint(key: "any", value: "x", effect: .noSchedule), true,
            "empty key with Exists tolerates everything"
        ),
        (
            Toleration(key: "k", operator: .exists), Taint(key: "k", value: "v", effect: .noExecute), true,
            "Exists ignores the value; empty effect matches all"
        ),
        (
            Toleration(key: "k", operator: .equal, value: "v", effect: .noSchedule),
            Taint(key: "k", value: "v", effect: .noSchedule), true, "Equal with the same value and effect"
        ),
        (
            Toleration(key: "k", operator: .equal, value: "v", effect: .noSchedule),
            Taint(key: "k", value: "w", effect: .noSchedule), false, "Equal with another value"
        ),
        (
            Toleration(key: "k", operator: .equal, value: "v", effect: .noSchedule),
            Taint(key: "k", value: "v", effect: .noExecute), false, "another effect"
        ),
        (
            Toleration(key: "k", value: "v"), Taint(key: "k", value: "v", effect: .preferNoSchedule), true,
            "default operator is Equal"
        ),
        (Toleration(key: "other", operator: .exists), Taint(key: "k", effect: .noSchedule), false, "another key"),
        (Toleration(key: "k"), Taint(key: "k", effect: .noSchedule), true, "Equal with both values empty"),
    ]

    @Test(arguments: cases)
    func toleratesTaintLikeKube(_ toleration: Toleration, _ taint: Taint, _ expected: Bool, _ why: String) {
        #expect(toleration.tolerates(taint) == expected, "\(why)")
    }

    @Test func unknownOperatorToleratesNothing() {
        var toleration = Toleration(key: "k", operator: .exists)
        toleration.operatorText = "Gte"
        #expect(!toleration.tolerates(Taint(key: "k", effect: .noSchedule)))
    }
    @Test func taintPrintsLikeKubectl() {
        #expect(Taint(key: "dedicated", value: "db", effect: .noSchedule).description == "dedicated=db:NoSchedule")
        #expect(Taint(key: "gpu", effect: .noExecute).description == "gpu:NoExecute")
    }
}

@Suite struct SelectorPositionTests {
    @Test func requirementsKnowWhereTheyCameFrom() throws {
        let set = decode(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector:
                matchExpressions:
                - {key: app, operator: In, values: [web]}
              template:
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Gt, values: ["1"]}]}]
            """)
        let deployment = try #require(set.deployments.first)
        let requirement = try #require(deployment.spec.selector?.matchExpressions.first)
        #expect(requirement.node?.location.line == 7)
        #expect(requirement.node?["operator"]?.text == "In")
        let term = try #require(deployment.spec.template.spec.affinity?.nodeAffinity?.required?.nodeSelectorTerms.first)
        #expect(term.matchExpressions.first?.node?.location.line == 13)
        #expect(term.matchExpressions.first?.knownOperator == .gt)
    }
}
