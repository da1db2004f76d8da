import KubePlan
import Testing

@Suite struct TaintTolerationTests {
    static func tolerations(_ lines: String) -> String { "  tolerations:\n" + lines }

    @Test func noScheduleTaintKeepsPodsOff() {
        let result = plan(node("n1", taints: ["dedicated=gpu:NoSchedule"]) + pod("p"))
        #expect(result.message(of: "default/p")?.hasPrefix(
            "0/1 nodes are available: 1 node(s) had untolerated taint(s).") == true)
    }

    @Test func noExecuteTaintKeepsPodsOff() {
        let result = plan(node("n1", taints: ["maintenance:NoExecute"]) + pod("p"))
        #expect(result.node(of: "default/p") == nil)
    }

    @Test func preferNoScheduleTaintOnlyLowersTheScore() {
        let alone = plan(node("n1", taints: ["spot=true:PreferNoSchedule"]) + pod("p"))
        #expect(alone.node(of: "default/p") == "n1")
        let paired = plan(node("n1", taints: ["spot=true:PreferNoSchedule"]) + node("n2") + pod("p"))
        #expect(paired.node(of: "default/p") == "n2")
    }

    @Test func equalTolerationNeedsTheSameValue() {
        let wrong = plan(node("n1", taints: ["dedicated=gpu:NoSchedule"]) + pod("p", spec: Self.tolerations(
            "    - key: dedicated\n      operator: Equal\n      value: cpu\n      effect: NoSchedule\n")))
        #expect(wrong.node(of: "default/p") == nil)
        let right = plan(node("n1", taints: ["dedicated=gpu:NoSchedule"]) + pod("p", spec: Self.tolerations(
            "    - key: dedicated\n      value: gpu\n      effect: NoSchedule\n")))
        #expect(right.node(of: "default/p") == "n1")
    }

    @Test func existsWithEmptyKeyToleratesEveryTaint() {
        let result = plan(node("n1", taints: ["a=1:NoSchedule", "b:NoExecute"]) + pod("p", spec: Self.tolerations(
            "    - operator: Exists\n")))
        #expect(result.node(of: "default/p") == "n1")
    }

    @Test func tolerationWithAnotherEffectDoesNotMatch() {
        let result = plan(node("n1", taints: ["a=1:NoExecute"]) + pod("p", spec: Self.tolerations(
            "    - key: a\n      operator: Exists\n      effect: NoSchedule\n")))
        #expect(result.node(of: "default/p") == nil)
    }

    @Test func tolerationWithoutEffectMatchesEveryEffect() {
        let result = plan(node("n1", taints: ["a=1:NoExecute", "a=1:NoSchedule"]) + pod("p", spec: Self.tolerations(
            "    - key: a\n      operator: Exists\n")))
        #expect(result.node(of: "default/p") == "n1")
    }

    @Test func olderVersionsNameTheFirstUntoleratedTaint() {
        let cluster = "apiVersion: kubec.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: c\nspec:\n  kubernetesVersion: \"1.33\"\n---\n"
        let result = plan(cluster + node("cp", taints: ["node-role.kubernetes.io/control-plane:NoSchedule"]) + pod("p"))
        #expect(result.message(of: "default/p")?.hasPrefix(
            "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.") == true)
    }

    @Test func cordonedNodeRejectsPodsWithoutTheUnschedulableToleration() {
        let result = plan(node("n1", unschedulable: true) + pod("p"))
        #expect(result.message(of: "default/p")?.hasPrefix("0/1 nodes are available: 1 node(s) were unschedulable.") == true)
    }
}
