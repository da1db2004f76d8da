import KubeModel
import KubeYAML

/// A Service whose selector matches no pod template in its namespace gets no endpoints.
package struct ServiceSelectorMatchesNoPodRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "service-selector-matches-no-pod",
        name: "Service Selector Matches No Pod",
        summary: "A Service selector matches no pod template of any workload in its namespace",
        rationale: "The Service gets no endpoints and every connection to it fails; usually a label typo or a namespace mix-up.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["dangling-service"], kubeScore: ["service-targets-pod"]),
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                ↓app: webapp
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: frontend}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: external
            spec:
              ports: [{port: 5432}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Service") {
            guard let selector = object.service?.spec.selector, object.service?.spec.type != .externalName, let node = object.spec?["selector"] else { continue }
            if !context.hasPods(in: object.namespace, matchingLabels: selector) {
                let text = selector.keys.sorted().map { "\($0)=\(selector[$0] ?? "")" }.joined(separator: ",")
                SelectorTargets.reportNoMatch(
                    object, at: node.pairs.first?.key ?? node, in: [object.namespace], context, into: &sink,
                    message: "Service selector \(text) matches no pod template in namespace \(object.namespace)",
                    what: "the Service selector \(text) is", hint: "check the labels of the workload's pod template and its namespace",
                    path: "spec.selector")
            }
        }
    }
}
