import KubeModel
import KubeYAML

/// A container of a pod template as rules read it: the typed container, the list it is in, and the nodes of the
/// fields rules point at, which the decoder recorded (`Container.fieldNodes`): nothing here reads the YAML again.
///
/// A class, so that handing one to each of twenty rules costs a retain rather than a copy of the container.
final class ContainerNodes: Sendable {
    /// The lists a pod spec holds containers in, in the order rules visit them.
    static let lists = ["initContainers", "containers", "ephemeralContainers"]

    /// `containers`, `initContainers` or `ephemeralContainers`.
    let list: String
    /// The container mapping.
    let node: YAMLNode
    /// The typed container.
    let container: Container

    init(_ list: String, _ container: Container, node: YAMLNode) {
        self.list = list
        self.container = container
        self.node = node
    }

    /// The containers of a pod spec, in the order `lists` names them (the ones decoded from a mapping).
    /// Reads the entry's pod spec in place: taking the spec as an argument copied it (a retain of each field).
    static func all(of entry: PodTemplateEntry) -> [ContainerNodes] {
        var result: [ContainerNodes] = []
        result.reserveCapacity(entry.template.spec.initContainers.count + entry.template.spec.containers.count
            + entry.template.spec.ephemeralContainers.count)
        for container in entry.template.spec.initContainers {
            if let node = container.node { result.append(.init(lists[0], container, node: node)) }
        }
        for container in entry.template.spec.containers {
            if let node = container.node { result.append(.init(lists[1], container, node: node)) }
        }
        for container in entry.template.spec.ephemeralContainers {
            if let node = container.node { result.append(.init(lists[2], container, node: node)) }
        }
        return result
    }

    /// The value node of a recorded field.
    private func value(_ field: Container.Field) -> YAMLNode? { container.fieldNodes.value(field, in: node) }

    var name: YAMLNode? { value(.name) }
    var image: YAMLNode? { value(.image) }
    var ports: YAMLNode? { value(.ports) }
    var env: YAMLNode? { value(.env) }
    var envFrom: YAMLNode? { value(.envFrom) }
    var resources: YAMLNode? { value(.resources) }
    var volumeMounts: YAMLNode? { value(.volumeMounts) }
    var securityContext: YAMLNode? { value(.securityContext) }
    var livenessProbe: YAMLNode? { value(.livenessProbe) }
    var readinessProbe: YAMLNode? { value(.readinessProbe) }
    var startupProbe: YAMLNode? { value(.startupProbe) }

    /// The key node of a recorded field (where a finding about the whole field points).
    func key(_ field: Container.Field) -> YAMLNode? { container.fieldNodes.key(field, in: node) }

    /// The value of a field: a recorded one for the probes, else a lookup.
    subscript(key: String) -> YAMLNode? {
        switch key {
        case "livenessProbe": livenessProbe
        case "readinessProbe": readinessProbe
        case "startupProbe": startupProbe
        default: node[key]
        }
    }

    /// The mapping's pairs.
    var pairs: YAMLPairs { node.pairs }
}

/// A pod spec as rules read it: its node and the nodes of the fields rules point at, which the decoder recorded
/// (`PodSpec.fieldNodes`).
struct PodSpecNodes: Sendable {
    let node: YAMLNode?
    private let fields: FieldNodes<PodSpec.Field>

    /// The entry's pod spec, read in place (see `ContainerNodes.all(of:)`).
    init(_ entry: PodTemplateEntry) {
        node = entry.template.spec.node
        fields = entry.template.spec.fieldNodes
    }

    private func value(_ field: PodSpec.Field) -> YAMLNode? { fields.value(field, in: node) }

    /// The key node of a recorded field (where a finding about the whole field points).
    func key(_ field: PodSpec.Field) -> YAMLNode? { fields.key(field, in: node) }

    var affinity: YAMLNode? { value(.affinity) }
    var topologySpreadConstraints: YAMLNode? { value(.topologySpreadConstraints) }
    var tolerations: YAMLNode? { value(.tolerations) }
    var volumes: YAMLNode? { value(.volumes) }
    var nodeSelector: YAMLNode? { value(.nodeSelector) }
    var hostNetwork: YAMLNode? { value(.hostNetwork) }
    var hostPID: YAMLNode? { value(.hostPID) }
    var hostIPC: YAMLNode? { value(.hostIPC) }
    var securityContext: YAMLNode? { value(.securityContext) }
    var serviceAccountName: YAMLNode? { value(.serviceAccountName) }
    var serviceAccount: YAMLNode? { value(.serviceAccount) }
    var imagePullSecrets: YAMLNode? { value(.imagePullSecrets) }

    /// The value of a field: a recorded one for the host namespaces, else a lookup.
    subscript(key: String) -> YAMLNode? {
        switch key {
        case "hostNetwork": hostNetwork
        case "hostPID": hostPID
        case "hostIPC": hostIPC
        default: node?[key]
        }
    }
}
