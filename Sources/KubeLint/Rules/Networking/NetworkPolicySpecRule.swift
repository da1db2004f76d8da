import KubeModel
import KubeYAML

/// NetworkPolicy specs: policyTypes, ports (protocol, number or name, endPort ≥ port with a numeric port),
/// peers (at least one selector or an ipBlock alone), ipBlock CIDRs with `except` strictly inside.
package struct NetworkPolicySpecRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-network-policy",
        name: "Invalid NetworkPolicy",
        summary: "policyTypes, ports, endPort, peers and ipBlock CIDRs (except inside cidr) are valid",
        rationale: "The API server rejects the policy; an except range outside its cidr is a sign the rule does not do what was meant.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: egress
            spec:
              podSelector: {}
              policyTypes: [Egress, ↓Outbound]
              egress:
              - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
                    except: [↓192.168.0.0/16]
                - ↓{}
                ports:
                - {port: 32000, endPort: ↓31000}
                - {port: metrics, endPort: ↓9100}
              - to:
                - ipBlock: {cidr: ↓10.0.0.0/33}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: egress
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{namespaceSelector: {matchLabels: {team: a}}, podSelector: {}}]
                ports: [{port: http}]
              egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}, {ipBlock: {cidr: "::/0"}}]
                ports: [{protocol: TCP, port: 32000, endPort: 32768}]
            """,
        ])

    /// `--kubernetes-version`'s minor number: strict IP and CIDR parsing from 1.36.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> NetworkPolicySpecRule {
        NetworkPolicySpecRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version the API server checks IPs for.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let minor = minor(context)
        for object in context.objects(ofKind: "NetworkPolicy") {
            guard let spec = object.spec, spec.isMapping else { continue }
            let types = spec["policyTypes"]?.sequenceItems ?? []
            for type in types where !["Ingress", "Egress"].contains(type.text ?? "") {
                sink.fieldError(object, at: type, .unsupported(.string(type.text ?? ""), ["Ingress", "Egress"]))
            }
            if types.count > 2, let node = spec["policyTypes"] {
                sink.fieldError(object, at: node, .invalid(.raw("[...]"), "may not have more than 2 policyTypes"))
            }
            for (direction, peersKey) in [("ingress", "from"), ("egress", "to")] {
                for rule in spec[direction]?.sequenceItems ?? [] where rule.isMapping {
                    for port in rule["ports"]?.sequenceItems ?? [] where port.isMapping { checkPort(port, object, &sink) }
                    for peer in rule[peersKey]?.sequenceItems ?? [] { checkPeer(peer, minor, object, &sink) }
                }
            }
        }
    }

    private func checkPort(_ port: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        SpecChecks.oneOf(port, "protocol", ["SCTP", "TCP", "UDP"], object, &sink)
        let number = port["port"]
        if let number, let value = number.integer {
            for error in NameValidation.portNumber(Int(value)) { sink.fieldError(object, at: number, .invalid(.int(Int(value)), error)) }
        } else if let number, let text = number.text, !number.isNull {
            for error in NameValidation.portName(text) { sink.fieldError(object, at: number, .invalid(.string(text), error)) }
        }
        guard let end = port["endPort"], let endValue = end.integer else { return }
        if number == nil {
            sink.fieldError(object, at: end, pathOf: port, missingKey: "port", .required("must be specified when endPort is specified"))
        } else if let value = number?.integer {
            if endValue < value {
                sink.fieldError(object, at: end, .invalid(.int(Int(endValue)), "must be greater than or equal to `port`"))
            }
            for error in NameValidation.portNumber(Int(clamping: endValue)) {
                sink.fieldError(object, at: end, .invalid(.int(Int(endValue)), error))
            }
        } else {
            sink.fieldError(object, at: end, .forbidden("may not be specified when port is non-numeric"))
        }
    }

    private func checkPeer(_ peer: YAMLNode, _ minor: Int, _ object: ObjectRef, _ sink: inout FindingSink) {
        let given = ["podSelector", "namespaceSelector", "ipBlock"].filter { peer[$0] != nil && peer[$0]?.isNull == false }
        if given.isEmpty {
            sink.fieldError(object, at: peer, .required("must specify a peer"))
            return
        }
        guard let block = peer["ipBlock"], block.isMapping else { return }
        if given.count > 1 {
            sink.fieldError(object, at: peer.pair(forKey: "ipBlock")?.key, pathOf: peer,
                            .forbidden("may not specify both ipBlock and another peer"))
        }
        guard let cidrNode = block["cidr"], let text = cidrNode.text, !text.isEmpty else {
            sink.fieldError(object, at: block, pathOf: block, missingKey: "cidr", .required(""))
            return
        }
        for error in LegacyIPValidation.cidrErrors(text, minor: minor) {
            sink.fieldError(object, at: cidrNode, .invalid(.string(text), error))
        }
        guard let cidr = LegacyCIDR(text) else { return }
        for except in block["except"]?.sequenceItems ?? [] {
            let value = except.text ?? ""
            for error in LegacyIPValidation.cidrErrors(value, minor: minor) {
                sink.fieldError(object, at: except, .invalid(.string(value), error))
            }
            guard let inner = LegacyCIDR(value) else { continue }
            if !IPBlockExcept.isStrictSubset(cidr, inner) {
                sink.fieldError(object, at: except, .invalid(.string(value), "must be a strict subset of `cidr`"))
            }
        }
    }
}
