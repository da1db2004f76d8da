import KubeModel
import KubePlan

/// Names and contents of the `upstream` blocks: one per backend Service port (and sticky-cookie variant).
///
/// Names follow ingress-nginx's `<namespace>-<service>-<port>` (port number, or the port name when the
/// Ingress used `port.name`) so diffs against a real controller read alike; the rare collision
/// (`a-b`/`c` versus `a`/`b-c`) gets a numeric suffix, assigned in sorted order.
struct NginxUpstreams {
    /// What makes an upstream: the Service port, and the sticky cookie when affinity is on.
    struct Key: Hashable, Comparable {
        var namespace: String
        var service: String
        var port: String
        var stickyCookie: String?

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.namespace, lhs.service, lhs.port, lhs.stickyCookie ?? "") < (
                rhs.namespace, rhs.service, rhs.port, rhs.stickyCookie ?? ""
            )
        }
    }

    /// An upstream ready to print; `servers` are `ip:port` (IPv6 bracketed), sorted and unique.
    struct Upstream {
        var name: String
        var servers: [String]
        var stickyCookie: String?
    }

    private(set) var upstreams: [Upstream] = []
    private var names: [Key: String] = [:]

    /// Collects the upstreams the servers' winning locations use.
    ///
    /// Backends without ready endpoints get none.
    init(servers: [ServerPlan]) {
        // Every location of one Service port carries the same resolved endpoints; the first one seen is kept.
        var endpoints: [Key: [EndpointState]] = [:]
        for server in servers {
            for location in server.locations {
                guard let key = NginxUpstreams.key(location.target), let backend = location.target.backend,
                    endpoints[key] == nil
                else { continue }
                endpoints[key] = backend.endpoints
            }
        }
        var bases: [(base: String, key: Key)] = endpoints.keys.map { key in
            var base = "\(key.namespace)-\(key.service)-\(key.port)"
            if let cookie = key.stickyCookie { base += "-sticky-" + cookie }
            return (base, key)
        }
        bases.sort { $0.base != $1.base ? $0.base < $1.base : $0.key < $1.key }
        var taken = Set<String>()
        for (base, key) in bases {
            var ready = endpoints[key, default: []].compactMap { endpoint in
                endpoint.ready && (1...65535).contains(endpoint.port)
                    ? EndpointAddress(ip: endpoint.ip, port: endpoint.port) : nil
            }
            guard !ready.isEmpty else { continue }
            ready.sort()
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            names[key] = name
            var servers: [String] = []
            servers.reserveCapacity(ready.count)
            for (index, address) in ready.enumerated() where index == 0 || ready[index - 1] != address {
                servers.append(address.text)
            }
            upstreams.append(Upstream(name: name, servers: servers, stickyCookie: key.stickyCookie))
        }
    }

    /// The upstream a target proxies to, nil when it has no backend or no ready endpoint.
    func name(for target: RouteTarget) -> String? {
        NginxUpstreams.key(target).flatMap { names[$0] }
    }

    private static func key(_ target: RouteTarget) -> Key? {
        guard let backend = target.backend else { return nil }
        let port =
            switch backend.port {
            case .number(let number): String(number)
            case .name(let name): name
            }
        return Key(
            namespace: target.namespace, service: backend.serviceName, port: port,
            stickyCookie: target.annotations.sticky?.name)
    }
}

/// An endpoint address as nginx's `server` parameter wants it.
private struct EndpointAddress: Hashable, Comparable {
    var ip: IPAddress
    var port: Int

    var text: String { ip.isV4 ? "\(ip):\(port)" : "[\(ip)]:\(port)" }

    static func < (lhs: EndpointAddress, rhs: EndpointAddress) -> Bool {
        lhs.ip != rhs.ip ? lhs.ip < rhs.ip : lhs.port < rhs.port
    }
}
