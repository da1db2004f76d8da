/// The deterministic allocation rule kubec uses where the API server picks at random (Service cluster IPs
/// and node ports): FNV-1a of a stable key (`namespace/name`, plus the port for node ports) gives a start
/// offset in the range, and linear probing finds the first free slot. Services are processed in
/// (namespace, name) order, so a Service keeps its address when unrelated Services are added or removed —
/// unless it had to probe past a collision, which is rare in a /12.
package struct HashAllocator: Sendable {
    package let size: UInt64
    private var used: Set<UInt64> = []

    package init(size: UInt64) { self.size = size }

    /// Marks an offset taken; false when it already was.
    @discardableResult
    package mutating func reserve(_ offset: UInt64) -> Bool { used.insert(offset).inserted }

    package func isUsed(_ offset: UInt64) -> Bool { used.contains(offset) }

    /// The first free offset at or after the key's hash position, wrapping; nil when every slot is taken.
    package mutating func allocate(key: String) -> UInt64? {
        guard size > 0 else { return nil }
        let start = PodNames.fnv64a(key.utf8) % size
        var offset = start
        var tried: UInt64 = 0
        while tried < size {
            if used.insert(offset).inserted { return offset }
            offset = (offset + 1) % size
            tried += 1
        }
        return nil
    }
}
