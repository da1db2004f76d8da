import KubeYAML

/// Joining the findings of many workers into one report without copying them.
///
/// A copy of a `Diagnostic` retains every string it holds (rule, message, file, object, path, hint) and the
/// copy's source is released a moment later: for 145,000 findings that is over a million atomic operations on
/// one core while the other waits. Moving a finding is a plain memory copy; the part it came from is left
/// holding an empty placeholder, which costs nothing to release.
package enum FindingMerge {
    /// The findings of `parts`, in order, each moved out of its part; those `keep` refuses are dropped there.
    /// Every part is left with placeholders (`parts` must not share storage with another array: one that does
    /// is copied first, as any mutation would).
    package static func moving(_ parts: inout [[Diagnostic]], keep: (borrowing Diagnostic) -> Bool = { _ in true }) -> [Diagnostic] {
        let total = parts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let placeholder = Diagnostic(rule: "", severity: .info, message: "")
        return [Diagnostic](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            for index in parts.indices where !parts[index].isEmpty {
                parts[index].withUnsafeMutableBufferPointer { source in
                    guard let first = source.baseAddress else { return }
                    for offset in 0..<source.count where keep(source[offset]) {
                        (target + initialized).moveInitialize(from: first + offset, count: 1)
                        (first + offset).initialize(to: placeholder)
                        initialized += 1
                    }
                }
            }
        }
    }
}
