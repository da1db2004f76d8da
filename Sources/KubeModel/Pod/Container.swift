import KubeYAML

/// `v1.Container` (also used for init containers), the fields kubec reads.
package struct Container: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var image: String
    package var command: [String]
    package var args: [String]
    package var ports: [ContainerPort]
    package var resources: ResourceRequirements
    package var env: [EnvVar]
    package var envFrom: [EnvFromSource]
    package var volumeMounts: [VolumeMount]
    package var livenessProbe: Probe?
    package var readinessProbe: Probe?
    package var startupProbe: Probe?
    package var securityContext: SecurityContext?
    /// `Always` marks a sidecar init container (1.29+); nil otherwise.
    package var restartPolicy: String?
    package var imagePullPolicy: String?
    /// Where the fields lint rules point at were written, recorded in the decoding pass.
    package var fieldNodes = FieldNodes<Field>()

    /// The fields whose key and value nodes `fieldNodes` records.
    package enum Field: Int, Sendable {
        case name, image, ports, env, envFrom, resources, volumeMounts, securityContext
        case livenessProbe, readinessProbe, startupProbe
    }

    /// Decodes in one pass over the mapping's pairs.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = ""
        image = ""
        command = []
        args = []
        ports = []
        resources = ResourceRequirements()
        env = []
        envFrom = []
        volumeMounts = []
        for (key, value) in node.pairs {
            switch key.text {
            case "name":
                name = context.string(value) ?? ""
                fieldNodes.record(.name, key: key, value: value)
            case "image":
                image = context.string(value) ?? ""
                fieldNodes.record(.image, key: key, value: value)
            case "command": command = context.strings(value)
            case "args": args = context.strings(value)
            case "ports":
                ports = context.list(value)
                fieldNodes.record(.ports, key: key, value: value)
            case "resources":
                resources = context.decode(value) ?? ResourceRequirements()
                fieldNodes.record(.resources, key: key, value: value)
            case "env":
                env = context.list(value)
                fieldNodes.record(.env, key: key, value: value)
            case "envFrom":
                envFrom = context.list(value)
                fieldNodes.record(.envFrom, key: key, value: value)
            case "volumeMounts":
                volumeMounts = context.list(value)
                fieldNodes.record(.volumeMounts, key: key, value: value)
            case "livenessProbe":
                livenessProbe = context.decode(value)
                fieldNodes.record(.livenessProbe, key: key, value: value)
            case "readinessProbe":
                readinessProbe = context.decode(value)
                fieldNodes.record(.readinessProbe, key: key, value: value)
            case "startupProbe":
                startupProbe = context.decode(value)
                fieldNodes.record(.startupProbe, key: key, value: value)
            case "securityContext":
                securityContext = context.decode(value)
                fieldNodes.record(.securityContext, key: key, value: value)
            case "restartPolicy": restartPolicy = context.string(value)
            case "imagePullPolicy": imagePullPolicy = context.string(value)
            default: break
            }
        }
    }

    /// The port with this name, for resolving a named `targetPort` or probe port.
    package func port(named name: String) -> ContainerPort? { ports.first { $0.name == name } }
}

/// `v1.ContainerPort`.
package struct ContainerPort: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String?
    package var containerPort: Int
    package var hostPort: Int?
    package var hostIP: String?
    /// Default `TCP`.
    package var `protocol`: PortProtocol

    /// Decodes in one pass over the mapping's pairs.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        containerPort = 0
        `protocol` = .tcp
        for (key, value) in node.pairs {
            switch key.text {
            case "name": name = context.string(value)
            case "containerPort": containerPort = context.int(value) ?? 0
            case "hostPort": hostPort = context.int(value)
            case "hostIP": hostIP = context.string(value)
            case "protocol": `protocol` = PortProtocol(context.string(value) ?? "TCP")
            default: break
            }
        }
    }
}

/// A transport protocol: `TCP` (the API default), `UDP` or `SCTP`.
///
/// Unknown values are kept as written.
package struct PortProtocol: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (lhs: PortProtocol, rhs: PortProtocol) -> Bool { lhs.rawValue < rhs.rawValue }

    package static let tcp = PortProtocol("TCP")
    package static let udp = PortProtocol("UDP")
    package static let sctp = PortProtocol("SCTP")
}

/// `v1.ResourceRequirements`.
package struct ResourceRequirements: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var requests: ResourceList
    package var limits: ResourceList

    package init() {
        requests = ResourceList()
        limits = ResourceList()
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        requests = context.resourceList(node, "requests")
        limits = context.resourceList(node, "limits")
    }

    /// Requests after API defaulting: a resource with a limit but no request requests its limit.
    package var effectiveRequests: ResourceList {
        var result = requests
        for (name, limit) in limits.values where result[name] == nil { result[name] = limit }
        return result
    }
}

/// `v1.SecurityContext` (container level), minimal.
package struct SecurityContext: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var privileged: Bool?
    package var allowPrivilegeEscalation: Bool?
    package var runAsNonRoot: Bool?
    package var runAsUser: Int?
    package var readOnlyRootFilesystem: Bool?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        privileged = context.bool(node, "privileged")
        allowPrivilegeEscalation = context.bool(node, "allowPrivilegeEscalation")
        runAsNonRoot = context.bool(node, "runAsNonRoot")
        runAsUser = context.int(node, "runAsUser")
        readOnlyRootFilesystem = context.bool(node, "readOnlyRootFilesystem")
    }
}

/// `v1.VolumeMount`.
package struct VolumeMount: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var mountPath: String
    package var readOnly: Bool
    package var subPath: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        mountPath = context.string(node, "mountPath") ?? ""
        readOnly = context.bool(node, "readOnly") ?? false
        subPath = context.string(node, "subPath")
    }
}
