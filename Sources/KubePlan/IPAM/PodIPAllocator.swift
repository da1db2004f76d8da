/// Pod IPs from each node's pod CIDR, in placement order, as the CNI `host-local` IPAM plugin hands them
/// out: the network address is never used, the first address (`.1`) is the bridge gateway (`cni0`), the
/// IPv4 broadcast address is skipped, so the first pod gets `.2`.
package struct PodIPAllocator: Sendable {
    private var next: [Int: UInt64] = [:]

    package init() {}

    /// The next free address of `cidr` for node `node`; nil when the range is exhausted.
    package mutating func allocate(node: Int, cidr: CIDR) -> IPAddress? {
        let offset = next[node] ?? 2
        let last = cidr.isV4 ? cidr.size &- 2 : cidr.size &- 1
        guard cidr.size > 3, offset <= last else { return nil }
        next[node] = offset + 1
        return cidr.address(at: offset)
    }
}
