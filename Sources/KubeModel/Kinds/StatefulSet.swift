import KubeYAML

/// `apps/v1` StatefulSet.
package struct StatefulSet: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: StatefulSetSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? StatefulSetSpec()
    }
}

/// `StatefulSetSpec` with the API defaults applied.
package struct StatefulSetSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default 1.
    package var replicas: Int
    package var selector: LabelSelector?
    package var template: PodTemplateSpec
    /// The governing (usually headless) Service that gives pods their DNS names.
    package var serviceName: String
    /// `OrderedReady` (default) or `Parallel`.
    package var podManagementPolicy: String
    package var updateStrategy: StatefulSetUpdateStrategy
    package var volumeClaimTemplates: [PersistentVolumeClaim]
    package var minReadySeconds: Int
    /// `ordinals.start`: the first pod ordinal.
    ///
    /// Default 0.
    package var ordinalsStart: Int
    package var revisionHistoryLimit: Int

    package init() {
        replicas = 1
        template = PodTemplateSpec()
        serviceName = ""
        podManagementPolicy = "OrderedReady"
        updateStrategy = StatefulSetUpdateStrategy()
        volumeClaimTemplates = []
        minReadySeconds = 0
        ordinalsStart = 0
        revisionHistoryLimit = 10
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        replicas = context.int(node, "replicas") ?? 1
        selector = context.decode(node, "selector")
        template = context.decode(node, "template") ?? PodTemplateSpec()
        serviceName = context.string(node, "serviceName") ?? ""
        podManagementPolicy = context.string(node, "podManagementPolicy") ?? "OrderedReady"
        updateStrategy = context.decode(node, "updateStrategy") ?? StatefulSetUpdateStrategy()
        volumeClaimTemplates = context.list(node, "volumeClaimTemplates")
        minReadySeconds = context.int(node, "minReadySeconds") ?? 0
        ordinalsStart = context.mapping(node, "ordinals").flatMap { context.int($0, "start") } ?? 0
        revisionHistoryLimit = context.int(node, "revisionHistoryLimit") ?? 10
    }

    /// The pod names in ordinal order: `name-0`, `name-1`, … (starting at `ordinals.start`).
    package func podNames(setName: String, limit: Int = .max) -> [String] {
        (0..<min(max(replicas, 0), limit)).map { "\(setName)-\(ordinalsStart + $0)" }
    }
}

/// `StatefulSetUpdateStrategy`: `RollingUpdate` (default; partition 0, maxUnavailable 1) or `OnDelete`.
package struct StatefulSetUpdateStrategy: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var type: String
    /// Pods with an ordinal ≥ partition are updated.
    ///
    /// Default 0 for `RollingUpdate`.
    package var partition: Int
    /// Default 1 for `RollingUpdate` (beta field).
    package var maxUnavailable: IntOrString?

    package init() {
        type = "RollingUpdate"
        partition = 0
        maxUnavailable = .int(1)
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        type = context.string(node, "type") ?? "RollingUpdate"
        if type == "RollingUpdate" {
            let rolling = context.mapping(node, "rollingUpdate")
            partition = rolling.flatMap { context.int($0, "partition") } ?? 0
            maxUnavailable = rolling.flatMap { context.intOrString($0, "maxUnavailable") } ?? .int(1)
        } else {
            maxUnavailable = nil
        }
    }
}
