import KubeModel

extension SchedulingSpec {
    /// Resolves a model pod spec: API defaulting (requests from limits, host ports of host-network pods) and
    /// the API server's merge of `matchLabelKeys`/`mismatchLabelKeys` into selectors.
    package init(
        podSpec spec: PodSpec, labels: [String: String], namespace: String, priority: Int,
        preemptionPolicy: String? = nil
    ) {
        self.init(namespace: namespace, labels: labels)
        nodeName = spec.nodeName
        nodeSelector = spec.nodeSelector
        tolerations = spec.tolerations
        self.priority = priority
        neverPreempts = preemptionPolicy == "Never"
        if let nodeAffinity = spec.affinity?.nodeAffinity {
            requiredNodeTerms = nodeAffinity.required?.nodeSelectorTerms
            preferredNodeTerms = nodeAffinity.preferred.map { WeightedNodeTerm(weight: $0.weight, term: $0.preference) }
        }
        if let podAffinity = spec.affinity?.podAffinity {
            requiredAffinity = podAffinity.required.map { Self.term($0, weight: 0, labels: labels) }
            preferredAffinity = podAffinity.preferred.map {
                Self.term($0.podAffinityTerm, weight: $0.weight, labels: labels)
            }
        }
        if let anti = spec.affinity?.podAntiAffinity {
            requiredAntiAffinity = anti.required.map { Self.term($0, weight: 0, labels: labels) }
            preferredAntiAffinity = anti.preferred.map {
                Self.term($0.podAffinityTerm, weight: $0.weight, labels: labels)
            }
        }
        spreadConstraints = spec.topologySpreadConstraints.map { constraint in
            var selector = constraint.labelSelector
            if selector != nil {
                for key in constraint.matchLabelKeys {
                    guard let value = labels[key] else { continue }
                    selector?.matchExpressions.append(
                        LabelSelectorRequirement(key: key, operator: .in, values: [value]))
                }
            }
            return SpreadConstraint(
                maxSkew: constraint.maxSkew, topologyKey: constraint.topologyKey,
                isHard: constraint.whenUnsatisfiable == .doNotSchedule, selector: selector,
                minDomains: max(constraint.minDomains ?? 1, 1),
                honorsNodeAffinity: constraint.nodeAffinityPolicy != .ignore,
                honorsTaints: constraint.nodeTaintsPolicy == .honor)
        }
        requests = PodRequests.actual(spec)
        nonZeroRequests = PodRequests.nonZero(spec)
        let portContainers = spec.containers + spec.initContainers.filter { $0.restartPolicy == "Always" }
        for container in portContainers {
            for port in container.ports {
                var hostPort = port.hostPort ?? 0
                if spec.hostNetwork, hostPort == 0 { hostPort = port.containerPort }
                guard hostPort > 0 else { continue }
                hostPorts.append(HostPort(ip: port.hostIP ?? "", proto: port.protocol.rawValue, port: hostPort))
            }
        }
        images = spec.allContainers.map { Self.normalizedImage($0.image) }
    }

    /// Adds `:latest` to an image without tag or digest (ImageLocality's `normalizedImageName`).
    package static func normalizedImage(_ image: String) -> String {
        // ASCII (every real image reference): the same test on bytes, without splitting into strings.
        if image.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(image.utf8)
            if bytes.contains(UInt8(ascii: "@")) { return image }
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            return bytes[start..<end].contains(UInt8(ascii: ":")) ? image : image + ":latest"
        }
        let lastPart = image.split(separator: "/").last.map(String.init) ?? image
        if lastPart.contains(":") || image.contains("@") { return image }
        return image + ":latest"
    }

    private static func term(_ term: PodAffinityTerm, weight: Int, labels: [String: String]) -> AffinityTerm {
        var selector = term.labelSelector
        if selector != nil {
            for key in term.matchLabelKeys {
                guard let value = labels[key] else { continue }
                selector?.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
            }
            for key in term.mismatchLabelKeys {
                guard let value = labels[key] else { continue }
                selector?.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .notIn, values: [value]))
            }
        }
        return AffinityTerm(
            selector: selector, namespaces: term.namespaces, namespaceSelector: term.namespaceSelector,
            topologyKey: term.topologyKey, weight: weight)
    }
}
