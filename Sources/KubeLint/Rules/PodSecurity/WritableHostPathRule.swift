import KubeModel
import KubeYAML

/// Containers that mount a `hostPath` volume without `readOnly: true`.
package struct WritableHostPathRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "writable-host-path",
        name: "Writable Host Path",
        summary: "A container mounts a hostPath volume writable (no readOnly: true on the volumeMount)",
        rationale: """
            A writable hostPath lets the container change the node's files, and they outlive the pod. Opt-in, as \
            in kube-linter: log shippers keep their positions and buffers in a writable hostPath by design. Each \
            writable mount is reported, at the mount, so a volume mounted read-only in one container and \
            writable in another is caught.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["writable-host-mount"]),
        triggering: [
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
                - {name: state, mountPath: /state, readOnly: ↓false}
              - name: helper
                image: busybox:1.36
                volumeMounts:
                - {name: ↓varlog, mountPath: /var/log}
              volumes:
              - {name: varlog, hostPath: {path: /var/log}}
              - {name: state, hostPath: {path: /var/lib/shipper}}
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
                - {name: tmp, mountPath: /tmp}
              volumes:
              - {name: varlog, hostPath: {path: /var/log}}
              - {name: tmp, emptyDir: {}}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            let volumes = HostPathVolume.all(in: pod)
            if volumes.isEmpty { continue }
            for container in pod.containerNodes {
                guard let mounts = container.volumeMounts, mounts.isSequence else { continue }
                for mount in mounts.items {
                    guard let nameNode = mount["name"], let volume = volumes.first(where: { $0.name == nameNode.text }),
                        mount["readOnly"]?.bool != true
                    else { continue }
                    sink.report(
                        pod.ref, at: mount["readOnly"] ?? nameNode,
                        "container \(PodSecurity.name(container)) mounts the node's \(volume.path) writable",
                        hint: "set readOnly: true on the volumeMount unless it must write there")
                }
            }
        }
    }
}
