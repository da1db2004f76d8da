import KubeModel
import KubeYAML

/// Container resources: no negative quantity, each request at most its limit, and equal to it for resources that
/// cannot be overcommitted (hugepages, extended resources), which also need a limit; hugepages need cpu or memory;
/// extended resources are whole numbers.
package struct ResourceRequirementsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-resources",
        name: "Invalid Resource Requirements",
        summary: "Requests and limits are non-negative, every request is at most its limit (equal, and with a limit, for hugepages and extended resources)",
        rationale: "The API server rejects the pod template (`must be less than or equal to cpu limit`).",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                resources:
                  requests: {cpu: ↓"2", memory: 128Mi}
                  limits: {cpu: "1", memory: ↓-1Gi}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: trainer
            spec:
              selector: {matchLabels: {app: trainer}}
              template:
                metadata: {labels: {app: trainer}}
                spec:
                  containers:
                  - name: train
                    image: trainer:1.0
                    resources:
                      requests: {nvidia.com/gpu: ↓1, cpu: "1"}
                      limits: {nvidia.com/gpu: 2}
                  - name: cache
                    image: cache:1.0
                    ↓resources:
                      ↓limits: {hugepages-2Mi: 100Mi}
                      requests: {hugepages-2Mi: 100Mi, example.com/dongle: ↓500m}
            """,
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
                resources:
                  requests: {cpu: 500m, memory: 128Mi}
                  limits: {cpu: "1", memory: 0.5Gi}
              - name: train
                image: trainer:1.0
                resources:
                  requests: {cpu: "1", memory: 1Gi, hugepages-2Mi: 100Mi}
                  limits: {nvidia.com/gpu: 2, hugepages-2Mi: 100Mi, memory: 1Gi}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var recent = RecentQuantities()
        for entry in context.pods {
            for container in entry.containerNodes {
                guard let resources = container.resources, resources.isMapping else { continue }
                let requests = quantities(resources["requests"], &recent)
                let limits = quantities(resources["limits"], &recent)
                if requests.contains(where: { $0.item.quantity < .zero }) || limits.contains(where: { $0.item.quantity < .zero }) {
                    for (_, item) in (requests + limits).sorted(by: { $0.key < $1.key }) where item.quantity < .zero {
                        sink.fieldError(entry.ref, at: item.node, .invalid(.string(item.node.text ?? ""), "must be greater than or equal to 0"))
                    }
                }
                for (name, request) in requests {
                    // The first limit of the name, as a duplicated key's first value is the one compared.
                    let limit = limits.first(where: { $0.key == name })?.item
                    let limitText = limit.map { $0.node.text ?? $0.quantity.description } ?? ""
                    if let limit, !Self.allowsOvercommit(name), request.quantity != limit.quantity {
                        sink.fieldError(entry.ref, at: request.node, .invalid(
                            .string(request.node.text ?? ""), "must be equal to \(name) limit of \(limitText)"),
                            hint: "\(name) cannot be overcommitted: set only the limit (the request defaults to it)")
                    } else if let limit, request.quantity > limit.quantity, limit.quantity >= .zero {
                        sink.fieldError(entry.ref, at: request.node, .invalid(
                            .string(request.node.text ?? ""), "must be less than or equal to \(name) limit of \(limitText)"),
                            hint: "raise the limit or lower the request")
                    } else if limit == nil, !Self.allowsOvercommit(name) {
                        let limitsNode = resources.pair(forKey: "limits")
                        sink.fieldError(entry.ref, at: limitsNode?.key ?? request.node, pathOf: limitsNode?.value ?? resources,
                                        missingKey: limitsNode == nil ? "limits" : nil,
                                        .required("Limit must be set for non overcommitable resources"),
                                        hint: "set limits.\(name) (the request defaults to the limit)")
                    }
                }
                var hugePages = false
                var cpuOrMemory = false
                for list in [requests, limits] {
                    for (name, item) in list {
                        if name == "cpu" || name == "memory" { cpuOrMemory = true; continue }
                        if name.hasPrefix("hugepages-") { hugePages = true; continue }
                        if Self.isExtended(name), item.quantity >= .zero, item.quantity.scaledInteger(atScale: 0) == nil {
                            sink.fieldError(entry.ref, at: item.node, .invalid(.string(item.node.text ?? ""), "must be an integer"))
                        }
                    }
                }
                if hugePages, !cpuOrMemory {
                    sink.fieldError(entry.ref, at: container.key(.resources) ?? resources, pathOf: resources,
                                    .forbidden("HugePages require cpu or memory"),
                                    hint: "request memory beside the hugepages")
                }
            }
        }
    }

    /// The API's `IsOvercommitAllowed`: native resources (no domain, or a `kubernetes.io/` one) other than
    /// hugepages may have a request below their limit; hugepages and extended resources may not.
    static func allowsOvercommit(_ name: String) -> Bool {
        name == "cpu" || name == "memory" || (!name.hasPrefix("hugepages-") && !isExtended(name))
    }

    /// An extended resource (`nvidia.com/gpu`): a domain-prefixed name outside `kubernetes.io/`; counted in
    /// whole units.
    static func isExtended(_ name: String) -> Bool {
        name.utf8.contains(UInt8(ascii: "/")) && !name.contains("kubernetes.io/") && !name.hasPrefix("requests.")
    }

    private struct Item {
        var node: YAMLNode
        var quantity: Quantity
    }

    /// The quantities of a `requests` or `limits` map that parse, in order. Quantity texts repeat across the
    /// input (`100m`, `128Mi`): one byte-equal to a recently parsed text reuses its value.
    private func quantities(_ list: YAMLNode?, _ recent: inout RecentQuantities) -> [(key: String, item: Item)] {
        guard let list, list.isMapping else { return [] }
        var result: [(key: String, item: Item)] = []
        for (key, value) in list.pairs {
            guard let name = key.text else { continue }
            if let quantity = recent.quantity(of: value) {
                result.append((name, Item(node: value, quantity: quantity)))
                continue
            }
            guard let text = value.text, let quantity = Quantity(text) else { continue }
            recent.insert(text, quantity)
            result.append((name, Item(node: value, quantity: quantity)))
        }
        return result
    }

    /// The last few quantity texts parsed, compared with a node's bytes in place.
    private struct RecentQuantities {
        private var entries: [(text: String, quantity: Quantity)] = []
        private var next = 0
        private static let capacity = 16

        func quantity(of node: YAMLNode) -> Quantity? {
            for entry in entries where node.textEquals(entry.text) { return entry.quantity }
            return nil
        }

        mutating func insert(_ text: String, _ quantity: Quantity) {
            if entries.count < Self.capacity {
                entries.append((text, quantity))
            } else {
                entries[next] = (text, quantity)
                next = (next + 1) % Self.capacity
            }
        }
    }
}
