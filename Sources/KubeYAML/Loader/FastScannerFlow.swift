/// Flow collections on one line (`{app: web, tier: "a"}`, `[{key: k, values: [a, b]}]`) for the fast scanner.
///
/// libyaml's marks: a flow collection starts at its bracket and ends after its closing bracket. Entries
/// without a value, single-pair mappings inside sequences, trailing commas, comments and anything spanning
/// lines are left to libyaml.
extension FastScanner {
    /// The collection opening at `index`; returns the index after its closing bracket.
    mutating func flowCollection(at index: Int) throws -> Int {
        let isMapping = base[index] == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try countNode()
        guard blocks.count + flowDepth < limits.maxDepth - 1, flowDepth < 64 else { throw Unsupported() }
        builder.beginCollection(
            kind: isMapping ? .mapping : .sequence, flow: true, anchor: nil, start: location(of: index))
        flowDepth += 1
        var position = skipSpaces(index + 1)
        guard position < lineEnd else { throw Unsupported() }
        if base[position] != close {
            while true {
                if isMapping {
                    let key = try scanScalar(at: position, flow: true)
                    guard key.isKey, key.next - key.start < 1000 else { throw Unsupported() }
                    try emit(key)
                    position = skipSpaces(key.next + 1)
                    guard position < lineEnd, base[position] != Self.hash else { throw Unsupported() }
                }
                // Two steps: `skipSpaces(try flowNode(…))` would read `self` before the mutation and make
                // the builder's arrays copy on write.
                let end = try flowNode(at: position)
                position = skipSpaces(end)
                guard position < lineEnd else { throw Unsupported() }
                if base[position] == UInt8(ascii: ",") {
                    position = skipSpaces(position + 1)
                    guard position < lineEnd, base[position] != close, base[position] != UInt8(ascii: ",")
                    else { throw Unsupported() }
                    continue
                }
                guard base[position] == close else { throw Unsupported() }
                break
            }
        }
        flowDepth -= 1
        builder.endCollection(end: location(of: position + 1))
        return position + 1
    }

    /// One entry's node: a nested collection or a scalar that is not a key. Returns the index after it.
    private mutating func flowNode(at index: Int) throws -> Int {
        guard index < lineEnd else { throw Unsupported() }
        let byte = base[index]
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            let end = try flowCollection(at: index)
            let after = skipSpaces(end)
            if after < lineEnd, base[after] == Self.colon { throw Unsupported() }
            return end
        }
        let token = try scanScalar(at: index, flow: true)
        guard !token.isKey else { throw Unsupported() }
        let after = skipSpaces(token.next)
        if after < lineEnd, base[after] == Self.colon { throw Unsupported() }
        try emit(token)
        return token.next
    }

    mutating func skipSpaces(_ index: Int) -> Int {
        var position = index
        while position < lineEnd, base[position] == Self.space { position += 1 }
        return position
    }
}
