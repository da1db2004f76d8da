/// The routes of a generated `nginx.conf`, read back as host → location → backend → upstream servers.
///
/// The reader knows the shape `NginxConfigWriter` writes (one directive or block opener per line): `upstream
/// NAME { server ADDR …; }` blocks, and `server { server_name …; location … { …; proxy_pass http://NAME; } }`
/// blocks. Directives inside a location's nested blocks (`if ($scheme = "http") { return 308 …; }`) are not
/// the route's backend. Comparing routes instead of lines says "this host's /api gained a server" where a
/// line diff would show an unrelated-looking `server` line inside an upstream block.
struct IngressRouteTable {
    /// One route: its backend and the servers behind it.
    struct Route: Hashable {
        var backend: String
        var servers: [String]
    }

    /// Routes keyed by host and location.
    var routes: [RouteKey: Route] = [:]

    /// Host and location, as written.
    struct RouteKey: Hashable, Comparable {
        var host: String
        var location: String

        static func < (lhs: RouteKey, rhs: RouteKey) -> Bool { (lhs.host, lhs.location) < (rhs.host, rhs.location) }
    }

    /// Reads a config; text it does not recognise is skipped.
    init(_ text: String) {
        var upstreams: [String: [String]] = [:]
        var pending: [(RouteKey, String)] = []
        var upstream: String?
        var host: String?
        var location: String?
        var backend: String?
        var depth = 0
        var locationDepth = 0
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasSuffix("{") {
                depth += 1
                let opener = Substring(line.dropLast()).trimmingSpaces
                if opener.hasPrefix("upstream ") {
                    upstream = String(opener.dropFirst("upstream ".count))
                } else if opener == "server" {
                    host = nil
                } else if opener.hasPrefix("location "), location == nil {
                    location = String(opener.dropFirst("location ".count))
                    locationDepth = depth
                    backend = nil
                }
                continue
            }
            if line == "}" {
                if let name = location, depth == locationDepth {
                    pending.append((RouteKey(host: host ?? "", location: name), backend ?? "none"))
                    location = nil
                }
                if depth == 2 { upstream = nil }
                depth -= 1
                continue
            }
            let directive = line.hasSuffix(";") ? String(line.dropLast()) : line
            if let name = upstream, directive.hasPrefix("server ") {
                let address = directive.dropFirst("server ".count).prefix { $0 != " " }
                upstreams[name, default: []].append(String(address))
            } else if location == nil, directive.hasPrefix("server_name ") {
                host = Self.unquoted(String(directive.dropFirst("server_name ".count)))
            } else if location != nil, depth == locationDepth {
                if directive.hasPrefix("proxy_pass ") || directive.hasPrefix("grpc_pass ") {
                    backend = directive
                } else if directive.hasPrefix("return "), backend == nil {
                    backend = directive
                }
            }
        }
        for (key, backend) in pending {
            routes[key] = Route(backend: backend, servers: (upstreams[Self.upstreamName(backend)] ?? []).sorted())
        }
    }

    /// `"shop.example.com"` → `shop.example.com`, `\\` → `\` (the writer quotes and escapes every name).
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }

    /// `http://NAME` in `proxy_pass http://NAME` → `NAME`.
    static func upstreamName(_ backend: String) -> String {
        guard backend.contains("://"), let name = backend.split(separator: "/").last else { return "" }
        return String(name)
    }

    /// Routes that differ from this (old) table to `new`, sorted by host and location.
    func compare(to new: IngressRouteTable) -> [IngressRouteChange] {
        var changes: [IngressRouteChange] = []
        for key in Set(routes.keys).union(new.routes.keys).sorted() {
            let old = routes[key]
            let now = new.routes[key]
            if old == now { continue }
            let oldServers = Set(old?.servers ?? [])
            let newServers = Set(now?.servers ?? [])
            let change: ServiceIPChange.Change = old == nil ? .added : (now == nil ? .removed : .modified)
            changes.append(
                IngressRouteChange(
                    change: change, host: key.host, location: key.location, oldBackend: old?.backend,
                    newBackend: now?.backend, serversAdded: newServers.subtracting(oldServers).sorted(),
                    serversRemoved: oldServers.subtracting(newServers).sorted()))
        }
        return changes
    }
}
