import KubeModel
import KubeYAML

/// A mutable image tag that nodes are told not to pull again.
package struct ImagePullPolicyMutableTagRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "image-pull-policy-stale",
        name: "Mutable Tag Never Pulled Again",
        summary: "An image with the tag latest (or none) sets imagePullPolicy IfNotPresent or Never",
        rationale: "Each node keeps the first latest it pulled: pods of one workload run different builds depending on their node, and a new push never arrives. (Without imagePullPolicy, latest defaults to Always.) The reverse, Always on a pinned tag, is harmless, which is why kubec does not make `Always` a rule by default as kube-score does.",
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:latest
                imagePullPolicy: ↓IfNotPresent
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                imagePullPolicy: IfNotPresent
              - name: tools
                image: busybox:latest
                imagePullPolicy: Always
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            // The two lists one after the other: `allContainers` would allocate a joined copy per pod.
            for container in entry.template.spec.initContainers { check(container, entry.ref, &sink) }
            for container in entry.template.spec.containers { check(container, entry.ref, &sink) }
        }
    }

    private func check(_ container: Container, _ ref: ObjectRef, _ sink: inout FindingSink) {
        guard let policy = container.imagePullPolicy, policy == "IfNotPresent" || policy == "Never" else { return }
        let tag = ImageTagRule.tag(of: container.image)
        guard tag == nil || tag == "latest" else { return }
        sink.report(ref, at: container.node?["imagePullPolicy"],
                    "container \(FieldValue.quote(container.name)) pulls the mutable image \(FieldValue.quote(container.image)) only once per node (\(policy))",
                    hint: "pin a version tag or digest; or use imagePullPolicy: Always")
    }
}
