import KubeModel
import KubeYAML

/// Pods with any `hostPath` volume.
package struct HostPathVolumeRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "host-path-volume",
        name: "Host Path Volume",
        summary: "A pod mounts a directory or file of its node (hostPath)",
        rationale: """
            A hostPath volume ties the pod to its node's filesystem and bypasses quotas; the Pod Security baseline \
            level refuses it. Opt-in: node agents (log shippers, CSI and CNI plugins, monitoring) need it by design. \
            The hostPaths that matter are on by default: sensitive-host-path (system directories), \
            container-runtime-socket (docker, containerd, CRI-O sockets); writable-host-path is the other opt-in.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(polaris: ["hostPathSet"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: logs
            spec:
              selector: {matchLabels: {app: logs}}
              template:
                metadata: {labels: {app: logs}}
                spec:
                  containers:
                  - name: shipper
                    image: fluent-bit:3.1
                    volumeMounts: [{name: varlog, mountPath: /var/log, readOnly: true}]
                  volumes:
                  - name: varlog
                    hostPath: {path: ↓/var/log}
            """
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
                volumeMounts: [{name: cache, mountPath: /cache}]
              volumes:
              - name: cache
                emptyDir: {}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for volume in HostPathVolume.all(in: pod) {
                sink.report(
                    pod.ref, at: volume.pathNode,
                    "volume \(FieldValue.quote(volume.name)) mounts \(volume.path) of the node (hostPath)",
                    hint: "use an emptyDir, a PersistentVolumeClaim or a ConfigMap unless this is a node agent")
            }
        }
    }
}
