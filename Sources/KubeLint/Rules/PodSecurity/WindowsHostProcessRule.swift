import KubeModel
import KubeYAML

/// Windows HostProcess pods and containers.
package struct WindowsHostProcessRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "windows-host-process",
        name: "Windows HostProcess",
        summary: "A pod or container sets windowsOptions.hostProcess: true",
        rationale: """
            A HostProcess container runs directly on the Windows node, as a node user, with the node's network \
            and filesystem: the Windows counterpart of a privileged container. The Pod Security baseline level \
            refuses it. Reported at the pod level once, and at each container that sets it itself.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(polaris: ["hostProcess"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-agent
            spec:
              hostNetwork: true
              securityContext:
                windowsOptions: {hostProcess: ↓true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}
              containers:
              - name: agent
                image: agent:1.0-windows
                securityContext:
                  windowsOptions: {hostProcess: ↓true}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: iis
            spec:
              os: {name: windows}
              securityContext:
                windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}
              containers:
              - name: iis
                image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            if let node = pod.podSpec.securityContext?["windowsOptions"]?["hostProcess"], node.bool == true {
                sink.report(
                    pod.ref, at: node, "the pod runs its containers as HostProcess containers on the Windows node",
                    hint: "run it as a normal Windows container unless it is a node agent")
            }
            for container in pod.containerNodes {
                guard let node = container.securityContext?["windowsOptions"]?["hostProcess"], node.bool == true
                else { continue }
                sink.report(
                    pod.ref, at: node,
                    "container \(PodSecurity.name(container)) runs as a HostProcess container on the Windows node",
                    hint: "run it as a normal Windows container unless it is a node agent")
            }
        }
    }
}
