import KubeModel
import KubeYAML

/// The API server's warnings about IP and CIDR values in a non-standard form, by Kubernetes version.
///
/// - 1.27–1.32: Service fields only (`pkg/api/service/warnings.go`), quoting Go's `netip` parse error.
/// - 1.33+: `k8s.io/apimachinery/pkg/util/validation` `GetWarningsForIP`/`GetWarningsForCIDR`, also on Pod
///   `dnsConfig.nameservers` and `hostAliases`, NetworkPolicy `ipBlock`s and hand-written Endpoints and
///   EndpointSlices (KEP-4858).
/// - 1.36+: strict validation (`StrictIPCIDRValidation`, on by default) refuses leading zeros, IPv4-mapped
///   addresses and CIDRs with host bits, so only the RFC 5952 notice on non-canonical IPv6 is left.
///
/// Values the legacy parser refuses get no warning: the API server refuses them.
enum IPWarnings {
    typealias Warning = PodTemplateWarnings.Warning

    /// The warning for an IP address field at `path`, if any.
    static func ip(_ node: YAMLNode, path: String, minor: Int) -> Warning? {
        guard let text = node.text, let ip = LegacyIP(text) else { return nil }
        if minor <= 32 {
            if ip.hasLeadingZero {
                return Warning(node: node, text: "\(path): IP address was accepted, but will be invalid in a future "
                    + "Kubernetes release: ParseAddr(\(GoQuote.quote(text))): IPv4 field has octet with leading zero")
            }
            guard ip.writtenAsV6, ip.netipString != text else { return nil }
            return Warning(node: node, text: "\(path): IPv6 address \(GoQuote.quote(text)) is not in RFC 5952 "
                + "canonical format (\(GoQuote.quote(ip.netipString))), which may cause controller apply-loops")
        }
        if ip.hasLeadingZero || ip.isV4Mapped {
            guard minor < LegacyIPValidation.strictFromMinor else { return nil }
            return Warning(node: node, text: "\(path): non-standard IP address \(GoQuote.quote(text)) will be "
                + "considered invalid in a future Kubernetes release: use \(GoQuote.quote(ip.netString))")
        }
        guard ip.writtenAsV6, ip.netipString != text else { return nil }
        return Warning(node: node, text: "\(path): IPv6 address \(GoQuote.quote(text)) should be in RFC 5952 canonical "
            + "format (\(GoQuote.quote(ip.netipString)))")
    }

    /// The warnings for a CIDR field at `path`.
    static func cidr(_ node: YAMLNode, path: String, minor: Int) -> [Warning] {
        guard let text = node.text, let cidr = LegacyCIDR(text) else { return [] }
        let quoted = GoQuote.quote(text)
        if minor <= 32 {
            if cidr.ip.hasLeadingZero {
                let address = String(text.prefix { $0 != "/" })
                return [Warning(node: node, text: "\(path): IP prefix was accepted, but will be invalid in a future "
                    + "Kubernetes release: netip.ParsePrefix(\(quoted)): ParseAddr(\(GoQuote.quote(address))): "
                    + "IPv4 field has octet with leading zero")]
            }
            if cidr.bitsHaveLeadingZero {
                let bits = String(text.drop { $0 != "/" }.dropFirst())
                return [Warning(node: node, text: "\(path): IP prefix was accepted, but will be invalid in a future "
                    + "Kubernetes release: netip.ParsePrefix(\(quoted)): bad bits after slash: \(GoQuote.quote(bits))")]
            }
            guard cidr.ip.writtenAsV6, cidr.netipString != text else { return [] }
            return [Warning(node: node, text: "\(path): IPv6 prefix \(quoted) is not in RFC 5952 canonical format "
                + "(\(GoQuote.quote(cidr.netipString))), which may cause controller apply-loops")]
        }
        var result: [Warning] = []
        let nonStandard = cidr.ip.hasLeadingZero || cidr.bitsHaveLeadingZero || cidr.ip.isV4Mapped
        if minor < LegacyIPValidation.strictFromMinor {
            if cidr.isAmbiguous {
                result.append(Warning(node: node, text: "\(path): CIDR value \(quoted) is ambiguous in this context "
                    + "(should be \(GoQuote.quote(cidr.netString)) or \(GoQuote.quote(cidr.singleAddressString))?)"))
            }
            if nonStandard {
                result.append(Warning(node: node, text: "\(path): non-standard CIDR value \(quoted) will be considered "
                    + "invalid in a future Kubernetes release: use \(GoQuote.quote(cidr.netString))"))
            }
        } else if cidr.isAmbiguous || nonStandard {
            return []
        }
        if result.isEmpty, cidr.ip.writtenAsV6, cidr.netipString != text {
            result.append(Warning(node: node, text: "\(path): IPv6 CIDR value \(quoted) should be in RFC 5952 "
                + "canonical format (\(GoQuote.quote(cidr.netipString)))"))
        }
        return result
    }

    /// A Service's IP fields; `clusterIPs` falls back to `clusterIP`, as the REST layer fills it before warning.
    static func service(_ spec: YAMLNode, minor: Int) -> [Warning] {
        var result: [Warning] = []
        let clusterIPs = spec["clusterIPs"]?.sequenceItems ?? spec["clusterIP"].map { [$0] } ?? []
        if let first = clusterIPs.first?.text, !first.isEmpty, first != "None" {
            for (index, node) in clusterIPs.enumerated() {
                if let warning = ip(node, path: "spec.clusterIPs[\(index)]", minor: minor) { result.append(warning) }
            }
        }
        for (index, node) in (spec["externalIPs"]?.sequenceItems ?? []).enumerated() {
            if let warning = ip(node, path: "spec.externalIPs[\(index)]", minor: minor) { result.append(warning) }
        }
        if let node = spec["loadBalancerIP"], !(node.text ?? "").isEmpty,
            let warning = ip(node, path: "spec.loadBalancerIP", minor: minor)
        {
            result.append(warning)
        }
        for (index, node) in (spec["loadBalancerSourceRanges"]?.sequenceItems ?? []).enumerated() {
            result += cidr(node, path: "spec.loadBalancerSourceRanges[\(index)]", minor: minor)
        }
        return result
    }

    /// A pod spec's `dnsConfig.nameservers` and `hostAliases` (1.33+); `path` is the spec's (`spec.template.spec`).
    static func podSpec(_ spec: YAMLNode, path: String, minor: Int) -> [Warning] {
        guard minor >= 33 else { return [] }
        var result: [Warning] = []
        for (index, node) in (spec["dnsConfig"]?["nameservers"]?.sequenceItems ?? []).enumerated() {
            if let warning = ip(node, path: "\(path).dnsConfig.nameservers[\(index)]", minor: minor) {
                result.append(warning)
            }
        }
        for (index, alias) in (spec["hostAliases"]?.sequenceItems ?? []).enumerated() {
            guard let node = alias["ip"] else { continue }
            if let warning = ip(node, path: "\(path).hostAliases[\(index)].ip", minor: minor) { result.append(warning) }
        }
        return result
    }

    /// A NetworkPolicy's `ipBlock` CIDRs (1.33+).
    static func networkPolicy(_ root: YAMLNode, minor: Int) -> [Warning] {
        guard minor >= 33, let spec = root["spec"] else { return [] }
        var result: [Warning] = []
        for (direction, peers) in [("ingress", "from"), ("egress", "to")] {
            for (ruleIndex, rule) in (spec[direction]?.sequenceItems ?? []).enumerated() {
                for (peerIndex, peer) in (rule[peers]?.sequenceItems ?? []).enumerated() {
                    guard let block = peer["ipBlock"], block.isMapping else { continue }
                    let at = "spec.\(direction)[\(ruleIndex)].\(peers)[\(peerIndex)].ipBlock"
                    if let node = block["cidr"] { result += cidr(node, path: "\(at).cidr", minor: minor) }
                    for (index, node) in (block["except"]?.sequenceItems ?? []).enumerated() {
                        result += cidr(node, path: "\(at).except[\(index)]", minor: minor)
                    }
                }
            }
        }
        return result
    }

    /// Hand-written Endpoints and EndpointSlices (1.33+); those a controller manages, by their managed-by label,
    /// are skipped as the server skips them.
    static func endpoints(_ root: YAMLNode, kind: String, minor: Int) -> [Warning] {
        guard minor >= 33 else { return [] }
        let labels = root["metadata"]?["labels"]
        var result: [Warning] = []
        if kind == "Endpoints" {
            guard labels?["endpoints.kubernetes.io/managed-by"]?.text != "endpoint-controller" else { return [] }
            for (index, subset) in (root["subsets"]?.sequenceItems ?? []).enumerated() {
                for list in ["addresses", "notReadyAddresses"] {
                    for (item, address) in (subset[list]?.sequenceItems ?? []).enumerated() {
                        guard let node = address["ip"],
                            let warning = ip(node, path: "subsets[\(index)].\(list)[\(item)].ip", minor: minor)
                        else { continue }
                        result.append(warning)
                    }
                }
            }
            return result
        }
        let manager = labels?["endpointslice.kubernetes.io/managed-by"]?.text
        guard manager != "endpointslice-controller.k8s.io", manager != "endpointslicemirroring-controller.k8s.io"
        else { return [] }
        for (index, endpoint) in (root["endpoints"]?.sequenceItems ?? []).enumerated() {
            for (item, node) in (endpoint["addresses"]?.sequenceItems ?? []).enumerated() {
                if let warning = ip(node, path: "endpoints[\(index)].addresses[\(item)]", minor: minor) {
                    result.append(warning)
                }
            }
        }
        return result
    }
}
