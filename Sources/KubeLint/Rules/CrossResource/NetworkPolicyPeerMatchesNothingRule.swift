import KubeModel
import KubeYAML

/// NetworkPolicy peers whose podSelector matches no pod (warning) or whose namespaceSelector matches no
/// namespace of the input (info: namespaces often exist outside the manifests).
package struct NetworkPolicyPeerMatchesNothingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "network-policy-peer-matches-nothing",
        name: "NetworkPolicy Peer Matches Nothing",
        summary: "A from/to peer's podSelector matches no pod, or its namespaceSelector no namespace, in the input",
        rationale: "The rule allows traffic from or to nobody, so the traffic it was meant for stays blocked.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["dangling-networkpolicypeer-podselector"]),
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from:
                - podSelector: {matchLabels: {↓app: frontend}}
                - namespaceSelector: {matchLabels: {↓team: analytics}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
              labels: {app: db}
            spec:
              containers: [{name: db, image: postgres:17}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
              - from:
                - podSelector: {matchLabels: {app: db}}
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: default}}
                - namespaceSelector: {}
                  podSelector: {matchLabels: {app: db}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
              labels: {app: db}
            spec:
              containers: [{name: db, image: postgres:17}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "NetworkPolicy") {
            guard case .networkPolicy(let policy) = object.kubeObject else { continue }
            // Ingress then egress, each read in place (a concatenation would copy every rule).
            for rule in policy.spec.ingress {
                for peer in rule.peers { check(peer, object, context, &sink) }
            }
            for rule in policy.spec.egress {
                for peer in rule.peers { check(peer, object, context, &sink) }
            }
        }
    }

    private func check(_ peer: NetworkPolicyPeer, _ object: ObjectRef, _ context: LintContext, _ sink: inout FindingSink) {
        var namespaces = [object.namespace]
        if let selector = peer.namespaceSelector {
            namespaces = context.namespaces(matching: selector)
            if namespaces.isEmpty, !selector.isInvalid, let node = peer.node?["namespaceSelector"] {
                sink.report(object, at: firstEntry(node),
                            "namespaceSelector \(selector.selectorText) matches no namespace in the input",
                            hint: "namespaces carry kubernetes.io/metadata.name=<name>; other labels must be set on the Namespace",
                            severity: .info)
                return
            }
        }
        guard let selector = peer.podSelector, !selector.isEmpty, !selector.isInvalid,
              let node = peer.node?["podSelector"] else { return }
        if namespaces.allSatisfy({ !context.hasPods(in: $0, matching: selector) }) {
            let scope = peer.namespaceSelector == nil ? "namespace \(object.namespace)" : "the selected namespaces"
            let text = selector.selectorText  // sorted and joined: once, not once per wording
            SelectorTargets.reportNoMatch(
                object, at: firstEntry(node), in: namespaces, context, into: &sink,
                message: "peer podSelector \(text) matches no pod template in \(scope)",
                what: "the peer podSelector \(text) is",
                hint: "check the labels against the workloads' pod templates")
        }
    }
}
