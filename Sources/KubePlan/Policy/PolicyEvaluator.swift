import KubeModel

/// Answers "may this traffic flow?" from NetworkPolicy semantics directly (networking.k8s.io/v1).
///
/// The oracle the compiled rules are tested against, and the engine of `kubec reach`. A pod is isolated
/// for a direction when a policy of its namespace selects it with that policy type; allowed traffic is the
/// union of those policies' rules; a connection needs the source's egress and the destination's ingress.
package struct PolicyEvaluator: Sendable {
    package let policies: [NetworkPolicyState]
    package let namespaceLabels: [String: [String: String]]
    package let pods: [PodState]
    /// Positions in `policies` per namespace, in order.
    private let policiesByNamespace: [String: [Int]]
    /// Positions in `pods` of the placed pods (an IP, not on the host network), by namespace and label; nil
    /// without policies (no verdict reads it then, and `pods(matching:)` scans the pods instead).
    private let placedPods: LabelIndex?

    package init(policies: [NetworkPolicyState], namespaceLabels: [String: [String: String]], pods: [PodState]) {
        self.policies = policies
        self.namespaceLabels = namespaceLabels
        self.pods = pods
        var byNamespace: [String: [Int]] = [:]
        for (position, policy) in policies.enumerated() { byNamespace[policy.namespace, default: []].append(position) }
        policiesByNamespace = byNamespace
        if policies.isEmpty {
            placedPods = nil
        } else {
            var placed = LabelIndex()
            // By index: iterating would copy every pod.
            for position in pods.indices where pods[position].ip != nil && !pods[position].hostNetwork {
                placed.insert(position, namespace: pods[position].namespace, labels: pods[position].labels)
            }
            placedPods = placed
        }
    }

    /// One direction's verdict: whether the pod is isolated, and which policy rules allow the traffic.
    package struct Verdict: Sendable, Hashable {
        package var isolated: Bool
        /// `namespace/name` of every policy selecting the pod for this direction.
        package var selectingPolicies: [String]
        /// `namespace/name#index` of every rule that allows the traffic.
        package var allowingRules: [String]

        package var allowed: Bool { !isolated || !allowingRules.isEmpty }
    }

    /// Both directions of one connection attempt.
    package struct Decision: Sendable, Hashable {
        package var egress: Verdict
        package var ingress: Verdict
        package var allowed: Bool { egress.allowed && ingress.allowed }
    }

    /// Decides traffic from `source` to `destination` on `port`/`proto` (the destination pod's port).
    package func decide(from source: PodState, to destination: PodState, port: Int, proto: PortProtocol) -> Decision {
        let egress = verdict(of: source, egress: true, peer: destination, peerIP: destination.ip, port: port,
                             proto: proto, portOwner: destination)
        let ingress = verdict(of: destination, egress: false, peer: source, peerIP: source.ip, port: port,
                              proto: proto, portOwner: destination)
        return Decision(egress: egress, ingress: ingress)
    }

    /// The policies of the pod's namespace that select it for a direction.
    package func selecting(_ pod: PodState, egress: Bool) -> [NetworkPolicyState] {
        (policiesByNamespace[pod.namespace] ?? []).map { policies[$0] }.filter { policy in
            (egress ? policy.isolatesEgress : policy.isolatesIngress) && policy.podSelector.matches(pod.labels)
        }
    }

    private func verdict(
        of pod: PodState, egress: Bool, peer: PodState?, peerIP: IPAddress?, port: Int, proto: PortProtocol,
        portOwner: PodState
    ) -> Verdict {
        let chosen = selecting(pod, egress: egress)
        var allowing: [String] = []
        for policy in chosen {
            let rules = egress ? policy.egress : policy.ingress
            for (index, rule) in rules.enumerated()
            where ruleMatches(rule, policy: policy, peer: peer, peerIP: peerIP, port: port, proto: proto, portOwner: portOwner) {
                allowing.append("\(policy.key)#\(index)")
            }
        }
        return Verdict(isolated: !chosen.isEmpty, selectingPolicies: chosen.map(\.key), allowingRules: allowing)
    }

    private func ruleMatches(
        _ rule: PolicyRuleState, policy: NetworkPolicyState, peer: PodState?, peerIP: IPAddress?, port: Int,
        proto: PortProtocol, portOwner: PodState
    ) -> Bool {
        let portOK = rule.ports.isEmpty || rule.ports.contains { portMatches($0, port: port, proto: proto, owner: portOwner) }
        guard portOK else { return false }
        if rule.peers.isEmpty { return true }
        return rule.peers.contains { peerMatches($0, policyNamespace: policy.namespace, pod: peer, ip: peerIP) }
    }

    /// Whether a rule port admits `port`/`proto` on the destination pod (named ports resolve there).
    package func portMatches(_ rulePort: PolicyPortState, port: Int, proto: PortProtocol, owner: PodState) -> Bool {
        guard rulePort.proto == proto else { return false }
        switch rulePort.port {
        case .none: return true
        case .number(let number): return port >= number && port <= (rulePort.endPort ?? number)
        case .name(let name): return owner.ports.contains { $0.name == name && $0.proto == proto && $0.containerPort == port }
        }
    }

    /// Whether a peer covers a pod (by selectors) or an address (by IP block).
    package func peerMatches(_ peer: PolicyPeer, policyNamespace: String, pod: PodState?, ip: IPAddress?) -> Bool {
        switch peer {
        case .pods(let podSelector, let namespaceSelector):
            guard let pod else { return false }
            if let namespaceSelector {
                guard namespaceSelector.matches(namespaceLabels[pod.namespace] ?? ["kubernetes.io/metadata.name": pod.namespace])
                else { return false }
            } else if pod.namespace != policyNamespace {
                return false
            }
            return podSelector?.matches(pod.labels) ?? true
        case .ipBlock(let cidr, let except):
            guard let ip, cidr.contains(ip) else { return false }
            return !except.contains { $0.contains(ip) }
        }
    }

    /// Every placed pod (with an IP, not on the host network) a pod peer selects, cluster-wide.
    ///
    /// Only the namespaces the peer covers are visited, and in each only the pods carrying the pod selector's
    /// rarest label; the result is in the order of `pods`.
    package func pods(matching peer: PolicyPeer, policyNamespace: String) -> [PodState] {
        guard case .pods(let podSelector, let namespaceSelector) = peer else { return [] }
        guard let placedPods else {
            return pods.filter { pod in
                pod.ip != nil && !pod.hostNetwork && (namespaceSelector != nil || pod.namespace == policyNamespace)
                    && peerMatches(peer, policyNamespace: policyNamespace, pod: pod, ip: nil)
            }
        }
        let namespaces = namespaceSelector == nil
            ? [policyNamespace] : Array(placedPods.namespaces)
        var positions: [Int] = []
        for namespace in namespaces {
            let candidates = podSelector.map { placedPods.candidates(in: namespace, for: $0) }
                ?? placedPods.positions(in: namespace)
            for position in candidates
            where peerMatches(peer, policyNamespace: policyNamespace, pod: pods[position], ip: nil) {
                positions.append(position)
            }
        }
        return positions.sorted().map { pods[$0] }
    }
}
