import KubeModel
import KubeYAML

/// Container resources: no negative quantity, and each request at most its limit.
package struct ResourceRequirementsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-resources",
        name: "Invalid Resource Requirements",
        summary: "Requests and limits are non-negative and every request is at most its limit",
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
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var recent = RecentQuantities()
        for entry in context.pods {
            for container in entry.containerNodes {
                guard let resources = container["resources"], resources.isMapping else { continue }
                let requests = quantities(resources["requests"], &recent)
                let limits = quantities(resources["limits"], &recent)
                if requests.contains(where: { $0.item.quantity < .zero }) || limits.contains(where: { $0.item.quantity < .zero }) {
                    for (_, item) in (requests + limits).sorted(by: { $0.key < $1.key }) where item.quantity < .zero {
                        sink.fieldError(entry.ref, at: item.node, .invalid(.string(item.node.text ?? ""), "must be greater than or equal to 0"))
                    }
                }
                for (name, request) in requests {
                    // The first limit of the name, as a duplicated key's first value is the one compared.
                    guard let limit = limits.first(where: { $0.key == name })?.item, request.quantity > limit.quantity,
                          limit.quantity >= .zero else { continue }
                    sink.fieldError(entry.ref, at: request.node, .invalid(
                        .string(request.node.text ?? ""),
                        "must be less than or equal to \(name) limit of \(limit.node.text ?? limit.quantity.description)"),
                        hint: "raise the limit or lower the request")
                }
            }
        }
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
