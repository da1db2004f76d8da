/// Node label values interned per topology key, so per-node domain lookups in inner loops are array reads.
///
/// Key ids are handed out on first use (`keyID(_:)`); value ids are dense per key; `-1` means the node
/// does not have the label.
package struct TopologyIndex: Sendable {
    private var nodeLabels: [[String: String]]
    private var keyIDs: [String: Int] = [:]
    /// Per key id: the value id of every node.
    package private(set) var values: [[Int32]] = []
    /// Per key id: the number of distinct values.
    package private(set) var valueCounts: [Int] = []

    init(nodeLabels: [[String: String]]) { self.nodeLabels = nodeLabels }

    /// The id of a key, interning its values over every node on first use.
    package mutating func keyID(_ key: String) -> Int {
        if let id = keyIDs[key] { return id }
        var ids: [String: Int32] = [:]
        var column: [Int32] = []
        column.reserveCapacity(nodeLabels.count)
        for labels in nodeLabels {
            guard let value = labels[key] else {
                column.append(-1)
                continue
            }
            if let id = ids[value] {
                column.append(id)
            } else {
                let id = Int32(ids.count)
                ids[value] = id
                column.append(id)
            }
        }
        let id = values.count
        keyIDs[key] = id
        values.append(column)
        valueCounts.append(ids.count)
        return id
    }

    /// The value id of a node for a key id (-1 when missing).
    @inline(__always)
    package func value(_ key: Int, node: Int) -> Int32 { values[key][node] }
}
