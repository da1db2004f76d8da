/// Rendered rules for a set of service ports, in one byte buffer with ranges into it.
///
/// A block holds one service port's lines for each top-level chain section plus its own nat chains. Blocks
/// that do not depend on the node are rendered once into a shared arena and copied into every node's file;
/// node-dependent blocks go into a per-node arena (ISSUE 6 §4: build shared rules once).
struct RuleArena: Sendable {
    /// The top-level chains a service port writes into, in the order the canonical file lists them.
    enum Section: Int, CaseIterable {
        case filterNodePorts, filterServices, filterExternalServices, filterProxyFirewall
        case natNodePorts, natServices
    }

    /// One per-service nat chain and its rules.
    struct Chain: Sendable {
        var name: ChainName
        var rules: Range<Int>
    }

    /// One service port's rules.
    struct Block: Sendable {
        var sections: [Range<Int>]
        /// Indices into `chains`.
        var chains: Range<Int>
    }

    var buffer = ByteBuffer()
    var chains: [Chain] = []
    var blocks: [Block] = []

    init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The bytes of a range.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { buffer.bytes[range] }
}
