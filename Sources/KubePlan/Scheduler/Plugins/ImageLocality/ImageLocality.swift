/// `ImageLocality` (`plugins/imagelocality`): favours nodes that already hold the pod's images, scaled by
/// how many nodes have each image. Without `status.images` every node scores 0. Weight 1.
package struct ImageLocality: ScorePlugin {
    package static let name = "ImageLocality"
    static let minThreshold: Int64 = 23 * 1024 * 1024
    static let maxContainerThreshold: Int64 = 1000 * 1024 * 1024

    package init() {}

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        let sizes = snapshot.nodes[node].imageSizes
        if sizes.isEmpty || pod.images.isEmpty { return 0 }
        let totalNodes = Double(snapshot.nodes.count)
        var sum: Int64 = 0
        for image in pod.images {
            guard let size = sizes[image] else { continue }
            let spread = Double(snapshot.imageNodeCounts[image] ?? 0) / totalNodes
            sum += Int64(Double(size) * spread)
        }
        let maxThreshold = Self.maxContainerThreshold * Int64(pod.images.count)
        sum = min(max(sum, Self.minThreshold), maxThreshold)
        return maxNodeScore * (sum - Self.minThreshold) / (maxThreshold - Self.minThreshold)
    }
}
