import KubeYAML

/// `batch/v1` Job.
package struct Job: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: JobSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? JobSpec()
    }
}

/// `JobSpec` with the API defaults applied.
package struct JobSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default 1 when `parallelism` is unset too; nil when only `parallelism` is given (the work-queue
    /// pattern, where any one success completes the Job).
    package var completions: Int?
    /// Default 1.
    package var parallelism: Int
    /// Default 6.
    package var backoffLimit: Int
    package var activeDeadlineSeconds: Int?
    /// `NonIndexed` (default) or `Indexed`.
    package var completionMode: String
    /// When false (default) the API generates the selector and the `controller-uid` labels.
    package var manualSelector: Bool
    package var selector: LabelSelector?
    package var template: PodTemplateSpec
    package var ttlSecondsAfterFinished: Int?
    package var suspend: Bool

    package init() {
        parallelism = 1
        backoffLimit = 6
        completionMode = "NonIndexed"
        manualSelector = false
        template = PodTemplateSpec()
        suspend = false
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        completions = context.int(node, "completions")
        let givenParallelism = context.int(node, "parallelism")
        parallelism = givenParallelism ?? 1
        // batch/v1 defaulting: both unset means one pod to one completion.
        if completions == nil, givenParallelism == nil { completions = 1 }
        backoffLimit = context.int(node, "backoffLimit") ?? 6
        activeDeadlineSeconds = context.int(node, "activeDeadlineSeconds")
        completionMode = context.string(node, "completionMode") ?? "NonIndexed"
        manualSelector = context.bool(node, "manualSelector") ?? false
        selector = context.decode(node, "selector")
        template = context.decode(node, "template") ?? PodTemplateSpec()
        ttlSecondsAfterFinished = context.int(node, "ttlSecondsAfterFinished")
        suspend = context.bool(node, "suspend") ?? false
    }

    /// How many pods run at once at the start: `min(parallelism, completions)` (parallelism alone when
    /// `completions` is unset); 0 when suspended.
    package var initialPodCount: Int {
        if suspend { return 0 }
        guard let completions else { return max(parallelism, 0) }
        return max(min(parallelism, completions), 0)
    }
}
