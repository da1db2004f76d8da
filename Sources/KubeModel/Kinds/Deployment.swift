import KubeYAML

/// `apps/v1` Deployment.
package struct Deployment: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: DeploymentSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? DeploymentSpec()
    }
}

/// `DeploymentSpec` with the API defaults applied.
package struct DeploymentSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default 1.
    package var replicas: Int
    /// Required by the API; nil when missing.
    package var selector: LabelSelector?
    package var template: PodTemplateSpec
    package var strategy: DeploymentStrategy
    /// Default 0.
    package var minReadySeconds: Int
    /// Default 10.
    package var revisionHistoryLimit: Int
    /// Default 600.
    package var progressDeadlineSeconds: Int
    package var paused: Bool

    package init() {
        replicas = 1
        template = PodTemplateSpec()
        strategy = DeploymentStrategy()
        minReadySeconds = 0
        revisionHistoryLimit = 10
        progressDeadlineSeconds = 600
        paused = false
    }

    /// Decodes in one pass over the mapping's pairs.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        for (key, value) in node.pairs {
            switch key.text {
            case "replicas": replicas = context.int(value) ?? 1
            case "selector": selector = context.decode(value)
            case "template": template = context.decode(value) ?? PodTemplateSpec()
            case "strategy": strategy = context.decode(value) ?? DeploymentStrategy()
            case "minReadySeconds": minReadySeconds = context.int(value) ?? 0
            case "revisionHistoryLimit": revisionHistoryLimit = context.int(value) ?? 10
            case "progressDeadlineSeconds": progressDeadlineSeconds = context.int(value) ?? 600
            case "paused": paused = context.bool(value) ?? false
            default: break
            }
        }
    }
}

/// `DeploymentStrategy`: `RollingUpdate` (default, with maxSurge/maxUnavailable defaulting to 25%) or
/// `Recreate`.
package struct DeploymentStrategy: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// `RollingUpdate` (default) or `Recreate`; other text is kept as written.
    package var type: String
    /// Default `25%` for `RollingUpdate`; nil for other types.
    package var maxSurge: IntOrString?
    /// Default `25%` for `RollingUpdate`; nil for other types.
    package var maxUnavailable: IntOrString?

    package init() {
        type = "RollingUpdate"
        maxSurge = .string("25%")
        maxUnavailable = .string("25%")
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        type = context.string(node, "type") ?? "RollingUpdate"
        if type == "RollingUpdate" {
            let rolling = context.mapping(node, "rollingUpdate")
            maxSurge = rolling.flatMap { context.intOrString($0, "maxSurge") } ?? .string("25%")
            maxUnavailable = rolling.flatMap { context.intOrString($0, "maxUnavailable") } ?? .string("25%")
        }
    }

    /// True for `Recreate`.
    package var isRecreate: Bool { type == "Recreate" }
}
