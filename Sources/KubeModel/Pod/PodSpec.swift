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
    /// `PreemptLowerPriority` or `Never`; nil when not written (the PriorityClass's policy applies).
    package var preemptionPolicy: String?
    package var hostNetwork: Bool
    /// Default `Always` (the API default for pods and pod templates; Jobs must set `OnFailure` or `Never`).
    package var restartPolicy: String
    package var serviceAccountName: String?
    package var hostname: String?
    package var subdomain: String?
    /// Resources added by the RuntimeClass, counted by the scheduler on top of the containers.
    package var overhead: ResourceList
    /// Pod-level `resources` (PodLevelResources, beta in 1.34); nil when not given.
    package var resources: ResourceRequirements?
    /// Default `default-scheduler`.
    package var schedulerName: String
    package var securityContext: PodSecurityContext?
    package var dnsPolicy: String
    /// Default 30.
    package var terminationGracePeriodSeconds: Int
    package var enableServiceLinks: Bool
    /// `ephemeralContainers` (added by `kubectl debug`), for lint; never scheduled nor counted.
    package var ephemeralContainers: [Container]
    /// Where the fields lint rules point at were written, recorded in the decoding pass.
    package var fieldNodes = FieldNodes<Field>()

    /// The fields whose key and value nodes `fieldNodes` records.
    package enum Field: Int, Sendable {
        case affinity, topologySpreadConstraints, tolerations, volumes, nodeSelector, hostNetwork, hostPID, hostIPC
        case securityContext, serviceAccountName, serviceAccount, imagePullSecrets
    }

    package init() {
        containers = []
        initContainers = []
        ephemeralContainers = []
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
        terminationGracePeriodSeconds = 30
    }

    /// Decodes in one pass over the mapping's pairs (a pod spec has many optional fields and few present).
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        for (key, value) in node.pairs {
            switch key.text {
            case "containers": containers = context.list(value)
            case "initContainers": initContainers = context.list(value)
            case "volumes":
                volumes = context.list(value)
                fieldNodes.record(.volumes, key: key, value: value)
            case "nodeName": nodeName = context.string(value)
            case "nodeSelector":
                nodeSelector = context.stringMap(value)
                fieldNodes.record(.nodeSelector, key: key, value: value)
            case "affinity":
                affinity = context.decode(value)
                fieldNodes.record(.affinity, key: key, value: value)
            case "tolerations":
                tolerations = context.list(value)
                fieldNodes.record(.tolerations, key: key, value: value)
            case "topologySpreadConstraints":
                topologySpreadConstraints = context.list(value)
                fieldNodes.record(.topologySpreadConstraints, key: key, value: value)
            case "priority": priority = context.int(value)
            case "priorityClassName": priorityClassName = context.string(value)
            case "preemptionPolicy": preemptionPolicy = context.string(value)
            case "hostNetwork":
                hostNetwork = context.bool(value) ?? false
                fieldNodes.record(.hostNetwork, key: key, value: value)
            case "restartPolicy": restartPolicy = context.string(value) ?? "Always"
            case "serviceAccountName":
                serviceAccountName = context.string(value)
                fieldNodes.record(.serviceAccountName, key: key, value: value)
            case "serviceAccount":
                serviceAccountName = serviceAccountName ?? context.string(value)
                fieldNodes.record(.serviceAccount, key: key, value: value)
            case "hostname": hostname = context.string(value)
            case "subdomain": subdomain = context.string(value)
            case "overhead": overhead = context.resourceList(value)
            case "resources": resources = context.decode(value)
            case "schedulerName": schedulerName = context.string(value) ?? "default-scheduler"
            case "securityContext":
                securityContext = context.decode(value)
                fieldNodes.record(.securityContext, key: key, value: value)
            case "dnsPolicy": dnsPolicy = context.string(value) ?? "ClusterFirst"
            case "terminationGracePeriodSeconds": terminationGracePeriodSeconds = context.int(value) ?? 30
            case "enableServiceLinks": enableServiceLinks = context.bool(value) ?? true
            case "hostPID": fieldNodes.record(.hostPID, key: key, value: value)
            case "hostIPC": fieldNodes.record(.hostIPC, key: key, value: value)
            case "imagePullSecrets": fieldNodes.record(.imagePullSecrets, key: key, value: value)
            case "ephemeralContainers":
                // Decoded for lint only, without findings of their own: the schema checks them, and the decoder's
                // findings are about fields the planner uses.
                var quiet = context
                ephemeralContainers = quiet.list(value)
            default: break
            }
        }
        if hostNetwork { Self.defaultHostNetworkPorts(&containers, &initContainers) }
    }

    /// API defaulting (`SetDefaults_PodSpec`): with `hostNetwork`, every declared port without a `hostPort`
    /// gets `hostPort = containerPort`, so it occupies that port on the node.
    private static func defaultHostNetworkPorts(_ containers: inout [Container], _ initContainers: inout [Container]) {
        for index in containers.indices {
            for port in containers[index].ports.indices where containers[index].ports[port].hostPort == nil {
                containers[index].ports[port].hostPort = containers[index].ports[port].containerPort
            }
        }
        for index in initContainers.indices {
            for port in initContainers[index].ports.indices where initContainers[index].ports[port].hostPort == nil {
                initContainers[index].ports[port].hostPort = initContainers[index].ports[port].containerPort
            }
        }
    }

    /// Init containers then containers, for rules that look at every container.
    package var allContainers: [Container] { initContainers + containers }

    /// The effective request of the pod as kube-scheduler computes it (`resource.PodRequests`): the sum over
    /// regular containers (and restartable "sidecar" init containers), or the largest init container if that
    /// is bigger, resource by resource, plus `overhead`.
    ///
    /// A container without a request but with a limit
    /// requests its limit (the API's defaulting).
    package var effectiveRequests: ResourceList {
        var result = ResourceList()
        for container in containers { result = result + container.resources.effectiveRequests }
        // Σ regular containers + Σ sidecars, against each classic init container + the sidecars before it.
        var sidecarsSoFar = ResourceList()
        var initPeaks: [ResourceList] = []
        for container in initContainers {
            let request = container.resources.effectiveRequests
            if container.restartPolicy == "Always" {
                sidecarsSoFar = sidecarsSoFar + request
            } else {
                initPeaks.append(request + sidecarsSoFar)
            }
        }
        result = result + sidecarsSoFar
        for peak in initPeaks {
            for name in peak.names {
                if let quantity = peak[name], quantity > (result[name] ?? .zero) { result[name] = quantity }
            }
        }
        if let podLevel = resources?.effectiveRequests {
            // Pod-level requests replace the container aggregate for the resources they set.
            for name in podLevel.names { result[name] = podLevel[name] }
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
