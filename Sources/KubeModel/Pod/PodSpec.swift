import KubeYAML

/// `v1.PodSpec`, the fields scheduling, networking and lint read.
package struct PodSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var containers: [Container]
    package var initContainers: [Container]
    package var volumes: [Volume]
    /// Set when the pod is bound to a node up front (bypasses the scheduler).
    package var nodeName: String?
    package var nodeSelector: [String: String]
    package var affinity: Affinity?
    package var tolerations: [Toleration]
    package var topologySpreadConstraints: [TopologySpreadConstraint]
    package var priority: Int?
    package var priorityClassName: String?
    package var hostNetwork: Bool
    /// Default `Always` (the API default for pods and pod templates; Jobs must set `OnFailure` or `Never`).
    package var restartPolicy: String
    package var serviceAccountName: String?
    package var hostname: String?
    package var subdomain: String?
    /// Resources added by the RuntimeClass, counted by the scheduler on top of the containers.
    package var overhead: ResourceList
    /// Default `default-scheduler`.
    package var schedulerName: String
    package var securityContext: PodSecurityContext?
    package var dnsPolicy: String
    package var terminationGracePeriodSeconds: Int?
    package var enableServiceLinks: Bool

    package init() {
        containers = []
        initContainers = []
        volumes = []
        nodeSelector = [:]
        tolerations = []
        topologySpreadConstraints = []
        hostNetwork = false
        restartPolicy = "Always"
        overhead = ResourceList()
        schedulerName = "default-scheduler"
        dnsPolicy = "ClusterFirst"
        enableServiceLinks = true
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        containers = context.list(node, "containers")
        initContainers = context.list(node, "initContainers")
        volumes = context.list(node, "volumes")
        nodeName = context.string(node, "nodeName")
        nodeSelector = context.stringMap(node, "nodeSelector")
        affinity = context.decode(node, "affinity")
        tolerations = context.list(node, "tolerations")
        topologySpreadConstraints = context.list(node, "topologySpreadConstraints")
        priority = context.int(node, "priority")
        priorityClassName = context.string(node, "priorityClassName")
        hostNetwork = context.bool(node, "hostNetwork") ?? false
        restartPolicy = context.string(node, "restartPolicy") ?? "Always"
        serviceAccountName = context.string(node, "serviceAccountName") ?? context.string(node, "serviceAccount")
        hostname = context.string(node, "hostname")
        subdomain = context.string(node, "subdomain")
        overhead = context.resourceList(node, "overhead")
        schedulerName = context.string(node, "schedulerName") ?? "default-scheduler"
        securityContext = context.decode(node, "securityContext")
        dnsPolicy = context.string(node, "dnsPolicy") ?? "ClusterFirst"
        terminationGracePeriodSeconds = context.int(node, "terminationGracePeriodSeconds")
        enableServiceLinks = context.bool(node, "enableServiceLinks") ?? true
    }

    /// Init containers then containers, for rules that look at every container.
    package var allContainers: [Container] { initContainers + containers }

    /// The effective request of the pod as kube-scheduler computes it (`resource.PodRequests`): the sum over
    /// regular containers (and restartable "sidecar" init containers), or the largest init container if that
    /// is bigger, resource by resource, plus `overhead`. A container without a request but with a limit
    /// requests its limit (the API's defaulting).
    package var effectiveRequests: ResourceList {
        var sum = ResourceList()
        for container in containers { sum = sum + container.resources.effectiveRequests }
        var sidecars = ResourceList()
        var result = sum
        for container in initContainers {
            let request = container.resources.effectiveRequests
            if container.restartPolicy == "Always" {
                sidecars = sidecars + request
                result = result + request
                continue
            }
            let withSidecars = request + sidecars
            for name in withSidecars.names {
                if let quantity = withSidecars[name], quantity > (result[name] ?? .zero) { result[name] = quantity }
            }
        }
        return result + overhead
    }
}

/// `v1.PodSecurityContext`, minimal.
package struct PodSecurityContext: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var runAsNonRoot: Bool?
    package var runAsUser: Int?
    package var runAsGroup: Int?
    package var fsGroup: Int?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        runAsNonRoot = context.bool(node, "runAsNonRoot")
        runAsUser = context.int(node, "runAsUser")
        runAsGroup = context.int(node, "runAsGroup")
        fsGroup = context.int(node, "fsGroup")
    }
}
