/// `ImageLocality` (`plugins/imagelocality`): favours nodes that already hold the pod's images, scaled by
/// how many nodes have each image. Without `status.images` every node scores 0. Weight 1.
package struct ImageLocality: ScorePlugin {
    package static let name = "ImageLocality"
    static let minThreshold: Int64 = 23 * 1024 * 1024
    static let maxContainerThreshold: Int64 = 1000 * 1024 * 1024

    package init() {}

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        let totalNodes = Double(snapshot.nodes.count)
        let maxThreshold = Self.maxContainerThreshold * Int64(max(pod.images.count, 1))
        for (position, node) in feasible.enumerated() {
            guard snapshot.table.hasImages[node], !pod.images.isEmpty else {
                scores[position] = 0
                continue
            }
            let sizes = snapshot.nodes[node].imageSizes
            var sum: Int64 = 0
            for image in pod.images {
                guard let size = sizes[image] else { continue }
                sum += Int64(Double(size) * (Double(snapshot.imageNodeCounts[image] ?? 0) / totalNodes))
            }
            sum = min(max(sum, Self.minThreshold), maxThreshold)
            scores[position] = maxNodeScore * (sum - Self.minThreshold) / (maxThreshold - Self.minThreshold)
        }
    }
}
