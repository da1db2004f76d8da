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

    /// One service port's rules: its sections are consecutive in the buffer, `bounds[i]..<bounds[i+1]`.
    struct Block: Sendable {
        var bounds: (Int, Int, Int, Int, Int, Int, Int)
        /// Indices into `chains`.
        var chains: Range<Int>

        func range(_ section: Section) -> Range<Int> {
            switch section {
            case .filterNodePorts: bounds.0..<bounds.1
            case .filterServices: bounds.1..<bounds.2
            case .filterExternalServices: bounds.2..<bounds.3
            case .filterProxyFirewall: bounds.3..<bounds.4
            case .natNodePorts: bounds.4..<bounds.5
            case .natServices: bounds.5..<bounds.6
            }
        }
    }

    var buffer = ByteBuffer()
    var chains: [Chain] = []
    var blocks: [Block] = []

    init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The bytes of a range.
    func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { buffer.bytes[range] }

    /// Appends another arena's blocks and chains after this one's (ranges shifted).
    mutating func append(_ other: RuleArena) {
        let byteShift = buffer.count
        let chainShift = chains.count
        buffer.append(other.buffer.bytes)
        chains.reserveCapacity(chains.count + other.chains.count)
        for chain in other.chains {
            chains.append(
                Chain(
                    name: chain.name, rules: (chain.rules.lowerBound + byteShift)..<(chain.rules.upperBound + byteShift)
                ))
        }
        blocks.reserveCapacity(blocks.count + other.blocks.count)
        for block in other.blocks {
            let b = block.bounds
            blocks.append(
                Block(
                    bounds: (
                        b.0 + byteShift, b.1 + byteShift, b.2 + byteShift, b.3 + byteShift, b.4 + byteShift,
                        b.5 + byteShift, b.6 + byteShift
                    ),
                    chains: (block.chains.lowerBound + chainShift)..<(block.chains.upperBound + chainShift)))
        }
    }
}
