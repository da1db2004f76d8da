/// The `"compiled"` member of `kubec diff --output json` (with `--cluster`). Keys may be added, never removed.
///
/// ```
/// "compiled": {
///   "cluster": "manifests/cluster",
///   "pods": [{"change": "added" | "removed" | "moved" | "replaced" | "unschedulable" | "scheduled"
///                       | "readdressed",
///             "namespace", "name", "oldName", "owner": "Deployment/web",
///             "oldNode", "newNode", "oldIP", "newIP", "message"}],   // absent when they do not apply
///   "services": [{"change": "added" | "removed" | "modified", "namespace", "name",
///                 "oldClusterIPs": [...], "newClusterIPs": [...],
///                 "nodePorts": [{"port": "http" | "80/TCP" | "healthCheckNodePort", "old": 30080, "new": 30081}]}],
///   "rules": [{"node", "file": "iptables.rules" | "policy.rules", "added": 3, "removed": 1,
///              "chainsAdded": ["KUBE-SEP-… (nat)"], "chainsRemoved": [...],
///              "addedLines": ["-t nat -A …"], "removedLines": [...]}],            // lines only with --verbose
///   "dns": [{"zone": "dns/cluster.local.zone", "added": 1, "removed": 0,
///            "addedRecords": [...], "removedRecords": [...]}],                   // records only with --verbose
///   "routes": [{"change", "host", "location", "oldBackend", "newBackend", "serversAdded": [...],
///               "serversRemoved": [...]}],
///   "summary": {"podsAdded", "podsRemoved", "podsMoved", "podsReplaced", "podsUnschedulable",
///               "podsScheduled", "podsReaddressed", "services", "rulesAdded", "rulesRemoved",
///               "dnsAdded", "dnsRemoved", "routes", "different": Bool}
/// }
/// ```
extension CompiledDiff {
    /// The diff as a JSON object; rule lines and zone records are listed only when `verbose` (rule lines also
    /// need the diff to have kept them).
    package func json(verbose: Bool) -> JSONValue {
        .object([
            "cluster": .string(cluster),
            "pods": .array(pods.map(Self.json)),
            "services": .array(services.map(Self.json)),
            "rules": .array(
                rules.map { change in
                    var members: [String: JSONValue] = [
                        "node": .string(change.node), "file": .string(change.file),
                        "added": .int(change.addedCount), "removed": .int(change.removedCount),
                        "chainsAdded": .strings(change.chainsAdded), "chainsRemoved": .strings(change.chainsRemoved),
                    ]
                    if verbose {
                        members["addedLines"] = .strings(change.added)
                        members["removedLines"] = .strings(change.removed)
                    }
                    return .object(members)
                }),
            "dns": .array(
                dns.map { change in
                    var members: [String: JSONValue] = [
                        "zone": .string(change.zone), "added": .int(change.added.count),
                        "removed": .int(change.removed.count),
                    ]
                    if verbose {
                        members["addedRecords"] = .strings(change.added)
                        members["removedRecords"] = .strings(change.removed)
                    }
                    return .object(members)
                }),
            "routes": .array(
                routes.map { change in
                    var members: [String: JSONValue] = [
                        "change": .string(change.change.rawValue), "host": .string(change.host),
                        "location": .string(change.location), "serversAdded": .strings(change.serversAdded),
                        "serversRemoved": .strings(change.serversRemoved),
                    ]
                    if let backend = change.oldBackend { members["oldBackend"] = .string(backend) }
                    if let backend = change.newBackend { members["newBackend"] = .string(backend) }
                    return .object(members)
                }),
            "summary": summaryJSON,
        ])
    }

    var summaryJSON: JSONValue {
        .object([
            "podsAdded": .int(podCount(.added)), "podsRemoved": .int(podCount(.removed)),
            "podsMoved": .int(podCount(.moved)), "podsReplaced": .int(podCount(.replaced)),
            "podsUnschedulable": .int(podCount(.unschedulable)), "podsScheduled": .int(podCount(.scheduled)),
            "podsReaddressed": .int(podCount(.readdressed)), "services": .int(services.count),
            "rulesAdded": .int(rules.reduce(0) { $0 + $1.addedCount }),
            "rulesRemoved": .int(rules.reduce(0) { $0 + $1.removedCount }),
            "dnsAdded": .int(dns.reduce(0) { $0 + $1.added.count }),
            "dnsRemoved": .int(dns.reduce(0) { $0 + $1.removed.count }),
            "routes": .int(routes.count), "different": .bool(hasDifferences),
        ])
    }

    static func json(_ pod: PodPlacementChange) -> JSONValue {
        var members: [String: JSONValue] = [
            "change": .string(pod.change.rawValue), "namespace": .string(pod.namespace), "name": .string(pod.name),
        ]
        let optional: [(String, String?)] = [
            ("oldName", pod.oldName), ("owner", pod.owner), ("oldNode", pod.oldNode), ("newNode", pod.newNode),
            ("oldIP", pod.oldIP), ("newIP", pod.newIP), ("message", pod.message),
        ]
        for (key, value) in optional { if let value { members[key] = .string(value) } }
        return .object(members)
    }

    static func json(_ service: ServiceIPChange) -> JSONValue {
        .object([
            "change": .string(service.change.rawValue), "namespace": .string(service.namespace),
            "name": .string(service.name), "oldClusterIPs": .strings(service.oldClusterIPs),
            "newClusterIPs": .strings(service.newClusterIPs),
            "nodePorts": .array(
                service.nodePorts.map { port in
                    .object([
                        "port": .string(port.port), "old": port.old.map(JSONValue.int) ?? .null,
                        "new": port.new.map(JSONValue.int) ?? .null,
                    ])
                }),
        ])
    }
}

extension JSONValue {
    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
