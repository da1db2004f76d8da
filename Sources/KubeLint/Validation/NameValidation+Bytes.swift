import KubeYAML

/// The allocation-free verdicts of `NameValidation+Fast` on a scalar node's bytes in place, so that a valid label
/// key or value (the common case) is never made into a String. A node that fails here goes the String way,
/// which builds the messages; the verdicts agree because a valid name is ASCII, whose String has the same bytes.
extension NameValidation {
    /// Whether bytes are a valid label key or annotation key (`isValidQualifiedName`).
    package static func isValidQualifiedName(bytes whole: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let slash = whole.firstIndex(of: 47) else { return isQualifiedNamePart(whole) }
        let name = UnsafeBufferPointer(rebasing: whole[(slash + 1)...])
        return !name.contains(47) && isSubdomain(UnsafeBufferPointer(rebasing: whole[..<slash]))
            && isQualifiedNamePart(name)
    }

    /// Whether bytes are a valid label value (`isValidLabelValue`).
    package static func isValidLabelValue(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isEmpty || isQualifiedNamePart(bytes)
    }
}

extension YAMLNode {
    /// Calls `body` with a scalar's bytes in place; nil for collections.
    @inline(__always)
    func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return tree.arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[Int(record.first)..<Int(record.first + record.count)]))
        }
    }

    /// A scalar whose text is a valid label key or annotation key (false for collections, and for any text that
    /// `NameValidation.qualifiedName` would report).
    package var isValidQualifiedNameScalar: Bool {
        withScalarBytes(NameValidation.isValidQualifiedName(bytes:)) ?? false
    }

    /// A scalar whose text is a valid label value.
    package var isValidLabelValueScalar: Bool {
        withScalarBytes(NameValidation.isValidLabelValue(bytes:)) ?? false
    }
}
