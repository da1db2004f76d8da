import KubeModel
import KubeYAML

/// `hostPath` volumes of a container runtime's socket (docker, containerd, CRI-O, cri-dockerd, podman).
package struct RuntimeSocketMountRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "container-runtime-socket",
        name: "Container Runtime Socket",
        summary: "A hostPath volume mounts the docker, containerd or CRI-O socket (or its directory)",
        rationale: """
            Whoever can talk to the runtime socket can start a privileged container with the node's root \
            filesystem: it is root on the node, read-only mount or not. kube-linter's docker-sock and Checkov \
            look for docker.sock only (Checkov for the exact path /var/run/docker.sock); since Kubernetes 1.24 \
            removed dockershim, the sockets that matter are containerd's and CRI-O's, which kube-linter's newer \
            container-runtime-sock matches by file name only: their directories expose them as well.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["docker-sock", "container-runtime-sock"], checkov: ["CKV_K8S_27"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: builder
            spec:
              containers:
              - name: builder
                image: docker:27
                volumeMounts:
                - {name: docker, mountPath: /var/run/docker.sock}
                - {name: containerd, mountPath: /run/containerd}
              volumes:
              - {name: docker, hostPath: {path: ↓/var/run/docker.sock, type: Socket}}
              - {name: containerd, hostPath: {path: ↓/run/containerd/}}
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
                volumeMounts: [{name: containers, mountPath: /var/log/containers, readOnly: true}]
              volumes:
              - {name: containers, hostPath: {path: /var/log/containers}}
            """
        ])

    /// Socket file names of container runtimes.
    static let sockets: Set<String> = [
        "docker.sock", "containerd.sock", "crio.sock", "cri-dockerd.sock", "dockershim.sock", "podman.sock",
        "cri-containerd.sock",
    ]
    /// Directories that hold a runtime's socket.
    static let directories: Set<String> = [
        "/run/containerd", "/var/run/containerd", "/run/crio", "/var/run/crio", "/run/docker", "/var/run/docker",
        "/run/podman", "/var/run/podman", "/run/cri-dockerd", "/var/run/cri-dockerd",
    ]

    /// The runtime a cleaned path exposes, or nil.
    static func socket(_ path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        if sockets.contains(file) { return file }
        if directories.contains(path) { return file + "'s socket directory" }
        return nil
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for volume in HostPathVolume.all(in: pod) {
                guard let socket = Self.socket(volume.cleanPath) else { continue }
                sink.report(
                    pod.ref, at: volume.pathNode,
                    "volume \(FieldValue.quote(volume.name)) exposes the container runtime (\(socket)) of the node",
                    hint:
                        "build images with a rootless builder (BuildKit, kaniko); read container data through the API"
                )
            }
        }
    }
}
