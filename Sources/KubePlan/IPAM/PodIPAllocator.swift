import KubeModel

/// Pod IPs from each node's pod CIDR, in placement order, as the CNI `host-local` IPAM plugin hands them
/// out: the network address is never used, the first address (`.1`) is the bridge gateway (`cni0`), the
/// IPv4 broadcast address is skipped, so the first pod gets `.2`. Each node's CIDR of each family counts on its
/// own (a dual-stack pod takes the next address of both).
package struct PodIPAllocator: Sendable {
    private struct Key: Hashable {
        var node: Int
        var family: IPFamily
    }

    private var next: [Key: UInt64] = [:]
    /// Offsets already taken by pinned pods, skipped by `allocate`.
    private var reserved: [Key: Set<UInt64>] = [:]

    package init() {}

    /// Marks a running pod's address as taken; false when it is not a usable address of `cidr`.
    package mutating func reserve(node: Int, cidr: CIDR, address: IPAddress) -> Bool {
        guard cidr.contains(address), let offset = cidr.offset(of: address) else { return false }
        let last = cidr.isV4 ? cidr.size &- 2 : cidr.size &- 1
        guard offset >= 2, offset <= last else { return false }
        return reserved[Key(node: node, family: IPFamily(of: cidr.network)), default: []].insert(offset).inserted
    }

    /// The next free address of `cidr` for node `node`; nil when the range is exhausted.
    package mutating func allocate(node: Int, cidr: CIDR) -> IPAddress? {
        let key = Key(node: node, family: IPFamily(of: cidr.network))
        var offset = next[key] ?? 2
        let last = cidr.isV4 ? cidr.size &- 2 : cidr.size &- 1
        while reserved[key]?.contains(offset) == true { offset += 1 }
        guard cidr.size > 3, offset <= last else { return nil }
        next[key] = offset + 1
        return cidr.address(at: offset)
    }
}
