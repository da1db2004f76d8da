import KubeModel
import KubeYAML

/// `hostPath` volumes of system directories: `/`, `/etc`, `/proc`, `/sys`, `/var/run`, the kubelet's and etcd's data.
package struct SensitiveHostPathRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "sensitive-host-path",
        name: "Sensitive Host Path",
        summary: "A hostPath volume mounts a system directory of the node (/, /etc, /proc, /sys, /var/run, …)",
        rationale: """
            These hold the node's credentials (kubelet and admin kubeconfigs, PKI, SSH keys), its processes and \
            kernel settings, and the runtime sockets: a container that can read them can usually take over the \
            node, one that can write them certainly can. kube-linter compares the path as written, so \
            `/etc/` or `/var/log/../../etc` pass; kubec cleans the path first, and also covers the credential \
            trees below /etc/kubernetes, /var/lib/kubelet/pki, /var/lib/etcd and /root. /var/log, which log \
            shippers mount, is not on the list.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["sensitive-host-mounts"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
              - name: agent
                image: agent:1.0
                volumeMounts:
                - {name: root, mountPath: /host, readOnly: true}
                - {name: pki, mountPath: /pki}
                - {name: sneaky, mountPath: /x}
              volumes:
              - {name: root, hostPath: {path: ↓/}}
              - {name: pki, hostPath: {path: ↓/etc/kubernetes/pki}}
              - {name: sneaky, hostPath: {path: ↓"/var/log/../../etc/"}}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: logs
            spec:
              containers:
              - name: shipper
                image: fluent-bit:3.1
                volumeMounts:
                - {name: varlog, mountPath: /var/log, readOnly: true}
                - {name: certs, mountPath: /etc/ssl/certs, readOnly: true}
              volumes:
              - {name: varlog, hostPath: {path: /var/log}}
              - {name: certs, hostPath: {path: /etc/ssl/certs}}
            """
        ])

    /// System directories that are sensitive as a whole.
    static let directories: Set<String> = [
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/proc", "/root", "/run", "/sbin", "/sys",
        "/usr", "/var", "/var/lib", "/var/run", "/var/lib/kubelet", "/var/lib/docker", "/var/lib/containerd",
    ]
    /// Trees of credentials: sensitive with everything below them.
    static let trees = ["/etc/kubernetes", "/var/lib/kubelet/pki", "/var/lib/etcd", "/root", "/boot"]

    /// Whether a cleaned absolute path is sensitive.
    static func isSensitive(_ path: String) -> Bool {
        directories.contains(path) || trees.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for volume in HostPathVolume.all(in: pod) where Self.isSensitive(volume.cleanPath) {
                let shown =
                    volume.cleanPath == volume.path ? volume.path : "\(volume.path) (that is, \(volume.cleanPath))"
                sink.report(
                    pod.ref, at: volume.pathNode,
                    "volume \(FieldValue.quote(volume.name)) mounts the node's \(shown)",
                    hint:
                        "mount only the file or subdirectory the container needs, read-only, or use another volume type"
                )
            }
        }
    }
}
