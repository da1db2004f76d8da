import KubePlan

extension ReachEngine {
    /// The matrix of `--matrix` as `ReachMatrixHTMLRenderer` draws it: the same pods, ports and decisions as
    /// the text and JSON forms, each cell with the egress and ingress verdicts in words, each pod with its
    /// workload for the workload-level view.
    func matrixHTML(port filter: Target?) -> String {
        let pods = state.pods.filter { $0.ip != nil && !$0.hostNetwork }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        var columns: [(PodState, Target)] = []
        for destination in pods {
            let targets =
                filter.map { [$0] }
                ?? Set(destination.ports.map { Target(number: $0.containerPort, proto: $0.proto) })
                .sorted { ($0.number, $0.proto.rawValue) < ($1.number, $1.proto.rawValue) }
            for target in targets { columns.append((destination, target)) }
        }
        let cells = pods.map { source in
            columns.map { destination, target -> ReachMatrixHTMLRenderer.Cell? in
                guard source != destination else { return nil }
                let decision = decide(source, destination, target)
                let reason =
                    "Egress of \(source.namespace)/\(source.name): \(describe(decision.egress)). "
                    + "Ingress of \(destination.namespace)/\(destination.name) on \(target.text): "
                    + "\(describe(decision.ingress))."
                return ReachMatrixHTMLRenderer.Cell(allowed: decision.allowed, reason: reason)
            }
        }
        return ReachMatrixHTMLRenderer.render(
            ReachMatrixHTMLRenderer.Matrix(
                sources: pods.map { "\($0.namespace)/\($0.name)" },
                columns: columns.map { .init(destination: "\($0.0.namespace)/\($0.0.name)", port: $0.1.text) },
                cells: cells, sourceWorkloads: pods.map(Self.workload),
                columnWorkloads: columns.map { Self.workload($0.0) }))
    }

    /// A pod's workload as the page groups it: `demo · Deployment web`, or the pod itself when it has no owner.
    static func workload(_ pod: PodState) -> String {
        guard let owner = pod.owner else { return "\(pod.namespace)/\(pod.name)" }
        return "\(pod.namespace) · \(owner.kind) \(owner.name)"
    }
}
