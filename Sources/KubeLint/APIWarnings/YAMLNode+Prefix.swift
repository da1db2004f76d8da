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
