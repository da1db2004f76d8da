import KubeModel
import KubeYAML

/// The shared check of the four single-resource rules (`cpu-requests-missing`, `cpu-limits-missing`,
/// `memory-requests-missing`, `memory-limits-missing`), each of which can be enabled alone; the older
/// `container-resources-missing` keeps checking its three together.
enum ResourceSettingMissing {
    /// Which value of a container's resources a rule asks for.
    enum Setting {
        case cpuRequest, cpuLimit, memoryRequest, memoryLimit

        var field: String {
            switch self {
            case .cpuRequest: "requests.cpu"
            case .cpuLimit: "limits.cpu"
            case .memoryRequest: "requests.memory"
            case .memoryLimit: "limits.memory"
            }
        }

        /// Whether the container has it; a limit without a request requests the limit (API defaulting).
        func isSet(in resources: ResourceRequirements) -> Bool {
            switch self {
            case .cpuRequest: resources.requests.cpu != nil || resources.limits.cpu != nil
            case .cpuLimit: resources.limits.cpu != nil
            case .memoryRequest: resources.requests.memory != nil || resources.limits.memory != nil
            case .memoryLimit: resources.limits.memory != nil
            }
        }
    }

    /// Reports every regular and init container of the window's pod templates that lacks `setting`.
    static func check(_ setting: Setting, _ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.template.spec.allContainers where !setting.isSet(in: container.resources) {
                let anchor = container.fieldNodes.key(.resources, in: container.node) ?? WorkloadFacts.anchor(container)
                sink.report(entry.ref, at: anchor,
                            "container \(FieldValue.quote(container.name)) sets no \(setting.field)",
                            hint: "set resources.\(setting.field)")
            }
        }
    }

    /// A triggering example: a container without any resources and one with only the other resource.
    static func triggering(has other: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - ↓name: web
            image: nginx:1.27
          - name: sidecar
            image: envoy:1.31
            ↓resources: \(other)
        """
    }

    /// A non-triggering example: both containers set every resource.
    static let complete = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: web
            image: nginx:1.27
            resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
        """
}
