import KubeModel
import KubePlan
import KubeYAML

/// The emitters' last line of defence: the part of a `ClusterState` whose names, ports and timeouts fit the
/// grammars of every dataplane target, and a finding for each object left out.
///
/// `compile` already leaves out objects that failed validation, but the emitters are also called directly (tests,
/// `diff`, benchmarks) and a value the linter missed must not become a rule, a folder or a shell command. So every
/// dataplane emitter (iptables, IPVS, NetworkPolicy, nginx; the DNS emitter checks names by its own grammar and
/// reports them itself) filters its input through `admit` first: a Node whose name is not a DNS subdomain, a
/// Service, Pod or NetworkPolicy whose namespace or name is not a DNS label, or whose ports or timeouts are out of
/// range, is left out whole, as the API server would have refused it whole.
package enum DataplaneInputGuard {
    /// The rule id of the findings naming what was left out of the outputs.
    package static let ruleID = "compile-omitted-invalid"

    /// The admissible part of `state`, and one warning per object left out.
    package static func admit(_ state: ClusterState) -> (state: ClusterState, diagnostics: [Diagnostic]) {
        var state = state
        var diagnostics: [Diagnostic] = []
        func omitted(_ what: String, _ reason: String, _ source: SourceRange?) -> Bool {
            diagnostics.append(
                Diagnostic(
                    rule: ruleID, severity: .warning,
                    message: "\(what) left out of the outputs: \(reason)", range: source,
                    hint: "fix the value; kubec writes no rule, file or script line from a value that is not valid"))
            return false
        }
        // Each list is copied only when something in it is left out (the usual input has nothing to omit).
        func nodeProblem(_ node: NodeState) -> String? {
            PathGrammar.isComponent(node.name) ? nil : "its name is not a lower-case DNS subdomain"
        }
        if state.nodes.contains(where: { nodeProblem($0) != nil }) {
            state.nodes = state.nodes.filter { node in
                guard let reason = nodeProblem(node) else { return true }
                return omitted("Node '\(excerpt(node.name))'", reason, node.source)
            }
        }
        if state.services.contains(where: { serviceProblem($0) != nil }) {
            state.services = state.services.filter { service in
                guard let reason = serviceProblem(service) else { return true }
                return omitted("Service \(excerpt(service.key))", reason, service.source)
            }
        }
        if state.pods.contains(where: { podProblem($0) != nil }) {
            state.pods = state.pods.filter { pod in
                guard let reason = podProblem(pod) else { return true }
                return omitted("Pod \(excerpt(pod.namespace + "/" + pod.name))", reason, pod.source)
            }
        }
        if state.networkPolicies.contains(where: { policyProblem($0) != nil }) {
            state.networkPolicies = state.networkPolicies.filter { policy in
                guard let reason = policyProblem(policy) else { return true }
                return omitted("NetworkPolicy \(excerpt(policy.key))", reason, policy.source)
            }
        }
        if state.ingresses.contains(where: { ingressProblem($0) != nil }) {
            state.ingresses = state.ingresses.filter { ingress in
                guard let reason = ingressProblem(ingress) else { return true }
                return omitted("Ingress \(excerpt(ingress.namespace + "/" + ingress.name))", reason, ingress.source)
            }
        }
        return (state, diagnostics)
    }

    /// Backend ports become `server IP:PORT` lines of nginx upstreams (names and hosts nginx checks itself).
    static func ingressProblem(_ ingress: IngressState) -> String? {
        let backends = ingress.rules.flatMap { $0.paths.map(\.backend) } + (ingress.defaultBackend.map { [$0] } ?? [])
        for backend in backends {
            if case .number(let port) = backend.port, !IPTablesGrammar.isPort(port) {
                return "backend port \(port) is out of range 1–65535"
            }
            if let endpoint = backend.endpoints.first(where: { !IPTablesGrammar.isPort($0.port) }) {
                return "backend endpoint port \(endpoint.port) is out of range 1–65535"
            }
        }
        return nil
    }

    static func serviceProblem(_ service: ServiceState) -> String? {
        if let problem = nameProblem(service.namespace, service.name) { return problem }
        for port in service.ports {
            if !IPTablesGrammar.isPort(port.port) { return "port \(port.port) is out of range 1–65535" }
            if let nodePort = port.nodePort, !IPTablesGrammar.isPort(nodePort) {
                return "nodePort \(nodePort) is out of range 1–65535"
            }
            if !port.name.isEmpty, !isLabel(port.name) { return "port name '\(excerpt(port.name))' is not a DNS label" }
            if case .number(let target) = port.targetPort, !IPTablesGrammar.isPort(target) {
                return "targetPort \(target) is out of range 1–65535"
            }
            if let endpoint = port.endpoints.first(where: { !IPTablesGrammar.isPort($0.port) }) {
                return "endpoint port \(endpoint.port) is out of range 1–65535"
            }
        }
        if let check = service.healthCheckNodePort, !IPTablesGrammar.isPort(check) {
            return "healthCheckNodePort \(check) is out of range 1–65535"
        }
        if let timeout = service.sessionAffinityTimeout, !(1...86_400).contains(timeout) {
            return "sessionAffinityConfig.clientIP.timeoutSeconds \(timeout) is out of range 1–86400"
        }
        return nil
    }

    static func podProblem(_ pod: PodState) -> String? {
        if let problem = nameProblem(pod.namespace, pod.name, nameIsSubdomain: true) { return problem }
        if let port = pod.ports.first(where: { !IPTablesGrammar.isPort($0.containerPort) }) {
            return "containerPort \(port.containerPort) is out of range 1–65535"
        }
        if let port = pod.ports.first(where: { $0.name.map { !isLabel($0) } ?? false }) {
            return "port name '\(excerpt(port.name ?? ""))' is not a DNS label"
        }
        return nil
    }

    static func policyProblem(_ policy: NetworkPolicyState) -> String? {
        if let problem = nameProblem(policy.namespace, policy.name, nameIsSubdomain: true) { return problem }
        for rule in policy.ingress + policy.egress {
            for port in rule.ports {
                switch port.port {
                case .number(let number):
                    if !IPTablesGrammar.isPort(number) { return "port \(number) is out of range 1–65535" }
                    if let end = port.endPort, !IPTablesGrammar.isPortRange(number, end) {
                        return "endPort \(end) is not between port \(number) and 65535"
                    }
                case .name(let name):
                    if !isLabel(name) { return "port name '\(excerpt(name))' is not a DNS label" }
                case nil:
                    break
                }
            }
        }
        return nil
    }

    /// Names reach rule comments (`namespace/name:port`), set comments and chain-name hashes.
    private static func nameProblem(_ namespace: String, _ name: String, nameIsSubdomain: Bool = false) -> String? {
        if !isLabel(namespace) { return "namespace '\(excerpt(namespace))' is not a DNS label" }
        let valid = nameIsSubdomain ? PathGrammar.isComponent(name) : isLabel(name)
        if !valid { return "name '\(excerpt(name))' is not a DNS \(nameIsSubdomain ? "subdomain" : "label")" }
        return nil
    }

    private static func isLabel(_ text: String) -> Bool {
        !text.utf8.contains(UInt8(ascii: ".")) && PathGrammar.isComponent(text) && text.utf8.count <= 63
    }

    /// A value as it may appear in a message: controls shown as `?`, at most 60 characters.
    static func excerpt(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var result = String(
            String.UnicodeScalarView(scalars.prefix(60).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        if scalars.count > 60 { result += "…" }
        return result
    }
}
