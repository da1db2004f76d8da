import KubeModel
import KubeYAML

/// Containers whose root filesystem is writable: no `readOnlyRootFilesystem: true`.
package struct WritableRootFilesystemRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "writable-root-filesystem",
        name: "Writable Root Filesystem",
        summary: "A container does not set securityContext.readOnlyRootFilesystem: true",
        rationale: """
            An attacker who gets code execution can then drop tools and change binaries and configuration inside \
            the container; with a read-only root, writes go only to volumes (an emptyDir for /tmp). Every peer \
            checks this, and it is their noisiest check: most off-the-shelf images write somewhere, so kubec \
            reports it as info. Windows pods are skipped (the field does not exist there), and so are ephemeral \
            debug containers, which no manifest carries.
            """,
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(
            kubeLinter: ["no-read-only-root-fs"], kubeScore: ["container-security-context-readonlyrootfilesystem"],
            polaris: ["notReadOnlyRootFilesystem"], checkov: ["CKV_K8S_22"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - ↓name: migrate
                image: migrate:1.0
              containers:
              - name: web
                image: nginx:1.27
                ↓securityContext: {runAsNonRoot: true}
              - name: proxy
                image: envoy:1.31
                securityContext: {readOnlyRootFilesystem: ↓false}
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
                securityContext: {readOnlyRootFilesystem: true}
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: iis
            spec:
              os: {name: windows}
              containers:
              - name: iis
                image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods where !PodSecurity.isWindows(pod) {
            for container in PodSecurity.templateContainers(pod) {
                let field = container.securityContext?["readOnlyRootFilesystem"]
                if field?.bool == true { continue }
                sink.report(
                    pod.ref, at: field ?? PodSecurity.anchor(container),
                    "container \(PodSecurity.name(container)) has a writable root filesystem",
                    hint: "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it must write")
            }
        }
    }
}
