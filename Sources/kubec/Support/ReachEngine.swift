import ArgumentParser
import KubePlan
import KubeYAML

/// Evaluates and renders `kubec reach` answers from a compiled `ClusterState`.
struct ReachEngine {
    let state: ClusterState
    let evaluator: PolicyEvaluator

    init(state: ClusterState) {
        self.state = state
        evaluator = PolicyEvaluator(policies: state.networkPolicies, namespaceLabels: state.namespaceLabels, pods: state.pods)
    }

    /// A port to ask about: a number with its protocol.
    struct Target: Hashable {
        var number: Int
        var proto: PortProtocol
        var text: String { "\(number)/\(proto.rawValue)" }
    }

    func pod(_ name: String) -> PodState? {
        state.pods.first { "\($0.namespace)/\($0.name)" == name && $0.ip != nil }
    }

    /// Parses `PORT[/PROTO]`, or a container port name of `pod`.
    func port(_ text: String, on pod: PodState?) throws -> Target {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        let proto = parts.count > 1 ? PortProtocol(rawValue: parts[1].uppercased()) : .tcp
        guard let proto, let first = parts.first else { throw ValidationError("bad --port \(text): use PORT[/PROTO]") }
        if let number = Int(first), (1...65535).contains(number) { return Target(number: number, proto: proto) }
        if let pod, let named = pod.ports.first(where: { $0.name == first }) {
            return Target(number: named.containerPort, proto: named.proto)
        }
        throw ValidationError("bad --port \(text): not a number in 1-65535 or a port name of the destination")
    }

    func decide(_ source: PodState, _ destination: PodState, _ target: Target) -> PolicyEvaluator.Decision {
        evaluator.decide(from: source, to: destination, port: target.number, proto: target.proto)
    }

    func decisionText(_ decision: PolicyEvaluator.Decision, _ source: PodState, _ destination: PodState, _ target: Target) -> String {
        var text = decision.allowed ? "allowed\n" : "denied\n"
        text += "  egress of \(source.namespace)/\(source.name): " + describe(decision.egress) + "\n"
        text += "  ingress of \(destination.namespace)/\(destination.name) on \(target.text): " + describe(decision.ingress) + "\n"
        return text
    }

    func describe(_ verdict: PolicyEvaluator.Verdict) -> String {
        if !verdict.isolated { return "not isolated (no policy selects it)" }
        if verdict.allowingRules.isEmpty {
            return "denied: selected by \(verdict.selectingPolicies.joined(separator: ", ")) and no rule allows it"
        }
        return "allowed by \(verdict.allowingRules.joined(separator: ", "))"
    }

    func decisionJSON(_ decision: PolicyEvaluator.Decision, _ source: PodState, _ destination: PodState, _ target: Target) -> String {
        func verdict(_ value: PolicyEvaluator.Verdict) -> JSONValue {
            .object([
                ("isolated", .bool(value.isolated)),
                ("allowed", .bool(value.allowed)),
                ("policies", .array(value.selectingPolicies.map(JSONValue.string))),
                ("rules", .array(value.allowingRules.map(JSONValue.string))),
            ])
        }
        return JSONValue.object([
            ("from", .string("\(source.namespace)/\(source.name)")),
            ("to", .string("\(destination.namespace)/\(destination.name)")),
            ("port", .int(target.number)),
            ("protocol", .string(target.proto.rawValue)),
            ("allowed", .bool(decision.allowed)),
            ("egress", verdict(decision.egress)),
            ("ingress", verdict(decision.ingress)),
        ]).rendered(pretty: true) + "\n"
    }

    /// Every (source, destination, port) with the destination's ports (or the one asked for).
    private func cells(port filter: Target?) -> [(PodState, PodState, Target, Bool)] {
        let pods = state.pods.filter { $0.ip != nil && !$0.hostNetwork }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        var result: [(PodState, PodState, Target, Bool)] = []
        for destination in pods {
            let targets = filter.map { [$0] }
                ?? Set(destination.ports.map { Target(number: $0.containerPort, proto: $0.proto) })
                    .sorted { ($0.number, $0.proto.rawValue) < ($1.number, $1.proto.rawValue) }
            for target in targets {
                for source in pods where source != destination {
                    result.append((source, destination, target, decide(source, destination, target).allowed))
                }
            }
        }
        return result
    }

    func matrixText(port filter: Target?) -> String {
        var text = ""
        var lastHeader = ""
        for (source, destination, target, allowed) in cells(port: filter) {
            let header = "\(destination.namespace)/\(destination.name) \(target.text)"
            if header != lastHeader {
                text += header + "\n"
                lastHeader = header
            }
            text += "  \(allowed ? "allow" : "deny ")  from \(source.namespace)/\(source.name)\n"
        }
        return text
    }

    func matrixJSON(port filter: Target?) -> String {
        JSONValue.array(cells(port: filter).map { source, destination, target, allowed in
            .object([
                ("from", .string("\(source.namespace)/\(source.name)")),
                ("to", .string("\(destination.namespace)/\(destination.name)")),
                ("port", .int(target.number)),
                ("protocol", .string(target.proto.rawValue)),
                ("allowed", .bool(allowed)),
            ])
        }).rendered(pretty: true) + "\n"
    }
}
