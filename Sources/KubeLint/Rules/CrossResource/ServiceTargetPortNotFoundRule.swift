import KubeModel
import KubeYAML

/// A Service port whose named `targetPort` no selected container declares.
package struct ServiceTargetPortNotFoundRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "service-target-port-not-found",
        name: "Service Target Port Not Found",
        summary: "A named Service targetPort is not a port name of any container the Service selects",
        rationale: "The endpoints controller finds no port with that name, so the Service has no ready endpoint for the port.",
        kind: .crossResource, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: ↓http-alt}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports: [{name: http, containerPort: 8080}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 9000, targetPort: 9000}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ports: [{name: http, containerPort: 8080}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Service") {
            guard let ports = object.service?.spec.ports, ports.contains(where: Self.isNamed),
                  let selector = object.service?.spec.selector else { continue }
            let pods = context.pods(in: object.namespace, matchingLabels: selector)
            guard !pods.isEmpty else { continue }
            for port in ports {
                guard case .string(let name) = port.targetPort, !name.isEmpty, !Self.declares(pods, name),
                      let node = port.node?["targetPort"] else { continue }
                let workloads = Set(pods.map { "\($0.ref.kind) \($0.ref.name)" }).sorted().joined(separator: ", ")
                sink.report(object, at: node,
                            "targetPort \(FieldValue.quote(name)) is not a container port name of the selected pods (\(workloads))",
                            hint: "name the container port \(FieldValue.quote(name)) or use its number",
                            path: sink.path(of: node, in: object))
            }
        }
    }

    /// Whether a port targets a container port by name (only those can miss; most target numbers).
    private static func isNamed(_ port: ServicePort) -> Bool {
        if case .string(let name) = port.targetPort { return !name.isEmpty }
        return false
    }

    /// Whether some container of the pods declares a port of this name.
    private static func declares(_ pods: [PodTemplateEntry], _ name: String) -> Bool {
        for pod in pods {
            for container in pod.template.spec.containers where container.ports.contains(where: { $0.name == name }) {
                return true
            }
        }
        return false
    }
}
