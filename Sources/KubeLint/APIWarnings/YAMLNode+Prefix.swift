import KubeYAML

extension YAMLNode {
    /// Whether a scalar's bytes start with `prefix`, without allocating (annotation keys are long strings).
    func textHasPrefix(_ prefix: StaticString) -> Bool {
        let record = self.record
        guard record.kind == .scalar, Int(record.count) >= prefix.utf8CodeUnitCount else { return false }
        return prefix.withUTF8Buffer { theirs in
            tree.arena.withUnsafeBufferPointer { arena in
                let base = Int(record.first)
                for index in 0..<theirs.count where arena[base + index] != theirs[index] { return false }
                return true
            }
        }
    }
}

extension YAMLNode {
    /// Whether two scalars of the same file have the same bytes, without allocating.
    func sameText(as other: YAMLNode) -> Bool {
        let mine = record
        let theirs = other.record
        guard mine.kind == .scalar, theirs.kind == .scalar, mine.count == theirs.count else { return false }
        guard tree === other.tree else { return text == other.text }
        return tree.arena.withUnsafeBufferPointer { arena in
            for offset in 0..<Int(mine.count) where arena[Int(mine.first) + offset] != arena[Int(theirs.first) + offset] {
                return false
            }
            return true
        }
    }
}
