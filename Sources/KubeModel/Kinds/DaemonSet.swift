import KubeYAML

/// `apps/v1` DaemonSet.
package struct DaemonSet: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: DaemonSetSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? DaemonSetSpec()
    }
}

/// `DaemonSetSpec` with the API defaults applied.
package struct DaemonSetSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var selector: LabelSelector?
    package var template: PodTemplateSpec
    package var updateStrategy: DaemonSetUpdateStrategy
    package var minReadySeconds: Int
    package var revisionHistoryLimit: Int

    package init() {
        template = PodTemplateSpec()
        updateStrategy = DaemonSetUpdateStrategy()
        minReadySeconds = 0
        revisionHistoryLimit = 10
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        selector = context.decode(node, "selector")
        template = context.decode(node, "template") ?? PodTemplateSpec()
        updateStrategy = context.decode(node, "updateStrategy") ?? DaemonSetUpdateStrategy()
        minReadySeconds = context.int(node, "minReadySeconds") ?? 0
        revisionHistoryLimit = context.int(node, "revisionHistoryLimit") ?? 10
    }
}

/// `DaemonSetUpdateStrategy`: `RollingUpdate` (default; maxUnavailable 1, maxSurge 0) or `OnDelete`.
package struct DaemonSetUpdateStrategy: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var type: String
    package var maxUnavailable: IntOrString?
    package var maxSurge: IntOrString?

    package init() {
        type = "RollingUpdate"
        maxUnavailable = .int(1)
        maxSurge = .int(0)
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        type = context.string(node, "type") ?? "RollingUpdate"
        if type == "RollingUpdate" {
            let rolling = context.mapping(node, "rollingUpdate")
            maxUnavailable = rolling.flatMap { context.intOrString($0, "maxUnavailable") } ?? .int(1)
            maxSurge = rolling.flatMap { context.intOrString($0, "maxSurge") } ?? .int(0)
        }
    }
}
