/// A small map from an integer key (a node or a topology value id) to a count, tuned for the inner scoring
/// loops: most maps hold a handful of entries (the domains of one workload's few replicas), so lookups scan a
/// flat array and never hash; past 16 entries a dictionary takes over.
package struct SparseCounts: Sendable {
    private var keys: [Int32] = []
    private var values: [Int64] = []
    private var overflow: [Int32: Int64]?

    package init() {}

    package var isEmpty: Bool { keys.isEmpty && (overflow?.isEmpty ?? true) }

    /// Adds `amount` to the count of `key`.
    package mutating func add(_ key: Int32, _ amount: Int64) {
        if overflow != nil {
            overflow?[key, default: 0] += amount
            return
        }
        if let index = keys.firstIndex(of: key) {
            values[index] += amount
            return
        }
        if keys.count < 16 {
            keys.append(key)
            values.append(amount)
            return
        }
        var dictionary = Dictionary(uniqueKeysWithValues: zip(keys, values))
        dictionary[key, default: 0] += amount
        overflow = dictionary
        keys = []
        values = []
    }

    /// The count of `key` (0 when absent).
    @inline(__always)
    package func count(_ key: Int32) -> Int64 {
        if let overflow { return overflow[key] ?? 0 }
        for index in keys.indices where keys[index] == key { return values[index] }
        return 0
    }
}
