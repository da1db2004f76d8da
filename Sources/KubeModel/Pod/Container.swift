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

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        image = context.string(node, "image") ?? ""
        command = context.strings(node, "command")
        args = context.strings(node, "args")
        ports = context.list(node, "ports")
        resources = context.decode(node, "resources") ?? ResourceRequirements()
        env = context.list(node, "env")
        envFrom = context.list(node, "envFrom")
        volumeMounts = context.list(node, "volumeMounts")
        livenessProbe = context.decode(node, "livenessProbe")
        readinessProbe = context.decode(node, "readinessProbe")
        startupProbe = context.decode(node, "startupProbe")
        securityContext = context.decode(node, "securityContext")
        restartPolicy = context.string(node, "restartPolicy")
        imagePullPolicy = context.string(node, "imagePullPolicy")
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

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name")
        containerPort = context.int(node, "containerPort") ?? 0
        hostPort = context.int(node, "hostPort")
        hostIP = context.string(node, "hostIP")
        `protocol` = PortProtocol(context.string(node, "protocol") ?? "TCP")
    }
}

/// A transport protocol: `TCP` (the API default), `UDP` or `SCTP`. Unknown values are kept as written.
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
