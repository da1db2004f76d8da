import KubeModel
import KubeYAML

/// The workload kinds whose `spec.selector` the API requires, with the word its message uses.
enum SelectorOwners {
    static let kinds: [String: String] = [
        "Deployment": "deployment", "ReplicaSet": "replicaset", "StatefulSet": "statefulset", "DaemonSet": "daemonset",
    ]
}

/// `spec.selector` present and non-empty on Deployments, ReplicaSets, StatefulSets and DaemonSets; Jobs leave
/// it to the API unless `manualSelector`, CronJobs always do.
package struct WorkloadSelectorRequiredRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "workload-selector-required",
        name: "Workload Selector Required",
        summary: "apps/v1 workloads need a non-empty selector; Jobs and CronJobs must not set one unless manualSelector",
        rationale: "The API server rejects the object; `apps/v1` no longer defaults the selector from the template labels.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            ↓spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector: ↓{}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: agent:1.0}]
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: once
            spec:
              selector:
                ↓matchLabels: {app: once}
              template:
                metadata: {labels: {app: once}}
                spec:
                  restartPolicy: Never
                  containers: [{name: once, image: busybox:1.36}]
            """,
        ],
        nonTriggering: [
            """
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
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: once
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: once, image: busybox:1.36}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods where !entry.isLegacy {
            let object = entry.ref
            let root = object.node
            switch entry.kind {
            case .deployment, .replicaSet, .statefulSet, .daemonSet:
                guard let spec = object.spec, spec.isMapping else { continue }
                let word = SelectorOwners.kinds[object.kind] ?? object.kind.lowercased()
                guard let selectorNode = entry.selector?.node ?? spec["selector"], !selectorNode.isNull else {
                    sink.fieldError(object, at: root.pair(forKey: "spec")?.key, pathOf: spec, missingKey: "selector",
                                    .required(""))
                    continue
                }
                if let selector = entry.selector, selector.isEmpty {
                    sink.fieldError(object, at: selectorNode, .invalid(.raw("{}"), "empty selector is invalid for \(word)"))
                }
            case .job:
                guard case .job(let job)? = entry.workload else { continue }
                guard let selectorNode = job.spec.selector?.node ?? object.spec?["selector"], !selectorNode.isNull else {
                    if job.spec.manualSelector, let spec = object.spec {
                        sink.fieldError(object, at: spec, missingKey: "selector", .required(""))
                    }
                    continue
                }
                // The API checks the selector against the labels it generates: controller-uid (unknown here,
                // so a selector naming it is left alone) and job-name.
                let generated = ["job-name": job.metadata.name, "batch.kubernetes.io/job-name": job.metadata.name]
                let uidKeys = ["controller-uid", "batch.kubernetes.io/controller-uid"]
                if !job.spec.manualSelector, let selector = job.spec.selector,
                   !selector.matchLabels.keys.contains(where: uidKeys.contains),
                   !selector.matchExpressions.contains(where: { uidKeys.contains($0.key) }),
                   !selector.matches(generated) {
                    sink.fieldError(object, at: firstChild(selectorNode), pathOf: selectorNode,
                                    .invalid(.raw(selectorJSON(job.spec.selector)), "`selector` not auto-generated"),
                                    hint: "remove spec.selector (the API generates one) or set spec.manualSelector: true")
                }
            case .cronJob:
                if let selectorNode = root["spec"]?["jobTemplate"]?["spec"]?["selector"], !selectorNode.isNull {
                    sink.fieldError(object, at: firstChild(selectorNode), pathOf: selectorNode,
                                    .invalid(.raw(selectorJSON(entry.selector)), "`selector` will be auto-generated"))
                }
            case .pod:
                continue
            }
        }
    }

    private func firstChild(_ node: YAMLNode) -> YAMLNode { node.pairs.first?.key ?? node }
}
