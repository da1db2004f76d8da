import KubeModel
import KubeYAML

/// Volume mounts name a declared volume (or a StatefulSet claim template), have a mount path, and no two
/// mounts of a container share a path; volume names are unique.
package struct VolumeMountRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-volume-mount",
        name: "Invalid Volume Mount",
        summary: "Volume mounts name a declared volume and a unique mountPath; volume names are unique",
        rationale: "The API server rejects the pod template (`volumeMounts[0].name: Not found`).",
        kind: .apiServer, severity: .error,
        triggering: [
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
                  volumes:
                  - {name: config, configMap: {name: web}}
                  - {name: ↓config, emptyDir: {}}
                  containers:
                  - name: web
                    image: nginx:1.27
                    volumeMounts:
                    - {name: ↓data, mountPath: /data}
                    - {name: config, mountPath: /etc/nginx}
                    - {name: config, mountPath: ↓/etc/nginx}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  volumes: [{name: config, configMap: {name: db}}]
                  containers:
                  - name: db
                    image: postgres:17
                    volumeMounts:
                    - {name: data, mountPath: /var/lib/postgresql}
                    - {name: config, mountPath: /etc/postgresql}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            var volumes = SmallSet<String>()
            for volume in entry.podSpec.volumes?.sequenceItems ?? [] {
                guard let nameNode = volume["name"], let name = nameNode.text else { continue }
                if !volumes.insert(name).inserted { sink.fieldError(entry.ref, at: nameNode, .duplicate(.string(name))) }
            }
            if entry.kind == .statefulSet, case .statefulSet(let set)? = entry.workload {
                for claim in set.spec.volumeClaimTemplates { volumes.insert(claim.metadata.name) }
            }
            for container in entry.containerNodes {
                var paths = SmallSet<String>()
                for mount in container.volumeMounts?.sequenceItems ?? [] where mount.isMapping {
                    if let nameNode = mount["name"], let name = nameNode.text, !volumes.contains(name) {
                        sink.fieldError(entry.ref, at: nameNode, .notFound(.string(name), ""),
                                        hint: "declare a volume named '\(name)' in the pod spec's volumes")
                    }
                    guard let pathNode = mount["mountPath"], let path = pathNode.text, !path.isEmpty else {
                        sink.fieldError(entry.ref, at: mount.pairs.first?.key ?? mount, pathOf: mount, missingKey: "mountPath",
                                        .required(""))
                        continue
                    }
                    if !paths.insert(path).inserted {
                        sink.fieldError(entry.ref, at: pathNode, .invalid(.string(path), "must be unique"))
                    }
                }
            }
        }
    }
}
