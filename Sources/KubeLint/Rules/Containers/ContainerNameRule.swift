import KubeModel
import KubeYAML

/// Container names: required, DNS-1123 labels, unique across init, regular and ephemeral containers.
package struct ContainerNameRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-container-name",
        name: "Invalid Container Name",
        summary: "Container names are required, DNS-1123 labels, and unique in the pod",
        rationale: "The API server rejects the pod template; logs, exec and probes address containers by name.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - name: setup
                image: busybox:1.36
              containers:
              - name: ↓setup
                image: nginx:1.27
              - name: ↓Sidecar_1
                image: envoy:1.31
              - ↓image: busybox:1.36
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers: [{name: setup, image: busybox:1.36}]
              containers: [{name: web, image: nginx:1.27}, {name: sidecar-1, image: envoy:1.31}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            var seen = SmallSet<String>()
            for container in entry.containerNodes {
                guard let nameNode = container.name, let name = nameNode.text, !name.isEmpty else {
                    sink.fieldError(entry.ref, at: container.pairs.first?.key ?? container.node, pathOf: container.node,
                                    missingKey: "name", .required(""))
                    continue
                }
                if !seen.insert(name).inserted {
                    sink.fieldError(entry.ref, at: nameNode, .duplicate(.string(name)))
                    continue
                }
                for error in NameValidation.dns1123Label(name) {
                    sink.fieldError(entry.ref, at: nameNode, .invalid(.string(name), error))
                }
            }
        }
    }
}
