import KubeModel
import KubePlan
import Testing

/// NetworkPolicy semantics, after the classic recipes (ahmetb/kubernetes-network-policy-recipes).
@Suite struct PolicyEvaluatorTests {
    static func pod(_ namespace: String, _ name: String, _ ip: String, _ labels: [String: String],
                    ports: [PodPort] = []) -> PodState {
        PodState(namespace: namespace, name: name, nodeName: "n1", ip: IPAddress(ip), labels: labels, ports: ports)
    }

    let web = pod("prod", "web", "10.244.0.10", ["app": "web"], ports: [PodPort(name: "http", containerPort: 8080, proto: .tcp)])
    let api = pod("prod", "api", "10.244.0.11", ["app": "api"])
    let other = pod("dev", "tool", "10.244.0.12", ["app": "tool"])
    let labels: [String: [String: String]] = [
        "prod": ["kubernetes.io/metadata.name": "prod", "env": "prod"],
        "dev": ["kubernetes.io/metadata.name": "dev", "env": "dev"],
    ]

    private func evaluator(_ policies: [NetworkPolicyState]) -> PolicyEvaluator {
        PolicyEvaluator(policies: policies, namespaceLabels: labels, pods: [web, api, other])
    }

    /// Without policies no label index is built; the pods a peer selects are found by a scan, the same ones.
    @Test(arguments: [
        PolicyPeer.pods(podSelector: LabelSelector(matchLabels: ["app": "api"]), namespaceSelector: nil),
        PolicyPeer.pods(podSelector: nil, namespaceSelector: nil),
        PolicyPeer.pods(podSelector: nil, namespaceSelector: LabelSelector(matchLabels: ["env": "dev"])),
        PolicyPeer.pods(podSelector: LabelSelector(matchLabels: ["app": "tool"]), namespaceSelector: LabelSelector()),
    ])
    func peersSelectTheSamePodsWithoutPolicies(_ peer: PolicyPeer) {
        let unplaced = PodState(namespace: "prod", name: "new", nodeName: nil, ip: nil, labels: ["app": "api"])
        let pods = [web, api, other, unplaced]
        let indexed = PolicyEvaluator(
            policies: [NetworkPolicyState(namespace: "dev", name: "deny")], namespaceLabels: labels, pods: pods)
        let scanned = PolicyEvaluator(policies: [], namespaceLabels: labels, pods: pods)
        let expected = indexed.pods(matching: peer, policyNamespace: "prod").map(\.name)
        #expect(!expected.isEmpty)
        #expect(scanned.pods(matching: peer, policyNamespace: "prod").map(\.name) == expected)
    }

    @Test func withoutPoliciesEverythingIsAllowed() {
        #expect(evaluator([]).decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
    }

    @Test func aDefaultDenyPolicyIsolatesEveryPodOfItsNamespaceOnly() {
        let deny = NetworkPolicyState(namespace: "prod", name: "deny")
        let engine = evaluator([deny])
        #expect(!engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
        #expect(engine.decide(from: web, to: other, port: 80, proto: .tcp).allowed)
    }

    @Test func aPodSelectorPeerAllowsOnlyMatchingPodsOfThePolicyNamespace() {
        let allow = NetworkPolicyState(
            namespace: "prod", name: "allow-api", podSelector: LabelSelector(matchLabels: ["app": "web"]),
            ingress: [PolicyRuleState(peers: [.pods(podSelector: LabelSelector(matchLabels: ["app": "api"]), namespaceSelector: nil)])])
        let engine = evaluator([allow])
        #expect(engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
        let intruder = Self.pod("dev", "api", "10.244.0.13", ["app": "api"])
        #expect(!engine.decide(from: intruder, to: web, port: 8080, proto: .tcp).allowed)
    }

    @Test func aNamespaceSelectorPeerAllowsEveryPodOfMatchingNamespaces() {
        let allow = NetworkPolicyState(
            namespace: "prod", name: "from-dev",
            ingress: [PolicyRuleState(peers: [.pods(podSelector: nil, namespaceSelector: LabelSelector(matchLabels: ["env": "dev"]))])])
        let engine = evaluator([allow])
        #expect(engine.decide(from: other, to: web, port: 8080, proto: .tcp).allowed)
        #expect(!engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
    }

    @Test func podAndNamespaceSelectorInOnePeerAreANDed() {
        let allow = NetworkPolicyState(
            namespace: "prod", name: "and",
            ingress: [PolicyRuleState(peers: [.pods(
                podSelector: LabelSelector(matchLabels: ["app": "api"]),
                namespaceSelector: LabelSelector(matchLabels: ["env": "dev"]))])])
        let engine = evaluator([allow])
        #expect(!engine.decide(from: other, to: web, port: 8080, proto: .tcp).allowed)
        #expect(!engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
    }

    @Test func namedPortsResolveOnTheDestinationPod() {
        let allow = NetworkPolicyState(
            namespace: "prod", name: "http-only",
            ingress: [PolicyRuleState(ports: [PolicyPortState(proto: .tcp, port: .name("http"))])])
        let engine = evaluator([allow])
        #expect(engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
        #expect(!engine.decide(from: api, to: web, port: 9090, proto: .tcp).allowed)
        #expect(!engine.decide(from: api, to: web, port: 8080, proto: .udp).allowed)
    }

    @Test func portRangesIncludeEndPort() {
        let allow = NetworkPolicyState(
            namespace: "prod", name: "range",
            ingress: [PolicyRuleState(ports: [PolicyPortState(proto: .tcp, port: .number(8000), endPort: 8080)])])
        let engine = evaluator([allow])
        #expect(engine.decide(from: api, to: web, port: 8080, proto: .tcp).allowed)
        #expect(!engine.decide(from: api, to: web, port: 8081, proto: .tcp).allowed)
    }

    @Test func ipBlocksExcludeTheirExceptions() {
        let block = PolicyPeer.ipBlock(cidr: CIDR("10.244.0.0/16")!, except: [CIDR("10.244.0.12/32")!])
        let allow = NetworkPolicyState(namespace: "prod", name: "block", ingress: [PolicyRuleState(peers: [block])])
        let engine = evaluator([allow])
        #expect(engine.decide(from: api, to: web, port: 1, proto: .tcp).allowed)
        #expect(!engine.decide(from: other, to: web, port: 1, proto: .tcp).allowed)
    }

    @Test func egressIsolationNeedsAnEgressRuleOnTheSource() {
        let denyEgress = NetworkPolicyState(namespace: "prod", name: "no-egress", isolatesIngress: false, isolatesEgress: true)
        let engine = evaluator([denyEgress])
        let decision = engine.decide(from: api, to: other, port: 80, proto: .tcp)
        #expect(!decision.allowed)
        #expect(!decision.egress.allowed)
        #expect(decision.ingress.allowed)
    }

    @Test func allowedTrafficIsTheUnionOfSelectingPolicies() {
        let deny = NetworkPolicyState(namespace: "prod", name: "deny")
        let allow = NetworkPolicyState(
            namespace: "prod", name: "allow-all-in", podSelector: LabelSelector(matchLabels: ["app": "web"]),
            ingress: [PolicyRuleState()])
        let decision = evaluator([deny, allow]).decide(from: api, to: web, port: 1, proto: .udp)
        #expect(decision.allowed)
        #expect(decision.ingress.selectingPolicies == ["prod/deny", "prod/allow-all-in"])
        #expect(decision.ingress.allowingRules == ["prod/allow-all-in#0"])
    }
}
