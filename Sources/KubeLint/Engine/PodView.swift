import KubeModel
import KubeYAML

/// The containers and field nodes of one pod template that the per-object rules read, gathered once per linter
/// window from the typed template (the decoder recorded where each field was written).
///
/// A class, so that handing one to each of twenty rules costs a retain rather than a copy of its arrays.
final class PodNodes: Sendable {
    /// The pod spec's common fields.
    let podSpec: PodSpecNodes
    /// Every container mapping of the pod spec (init, regular, ephemeral), with its list name.
    let containerNodes: [ContainerNodes]
    /// The template's `metadata.labels` and `metadata.annotations` nodes, for the label and annotation rules; nil
    /// for Pods (their metadata is the object's own) and for workloads without a template node.
    let templateLabelsNode: YAMLNode?
    let templateAnnotationsNode: YAMLNode?
    /// The init and regular containers (not the ephemeral ones), and whether the pod runs Windows containers:
    /// what a dozen pod-security rules ask first (`PodSecurity.templateContainers`, `PodSecurity.isWindows`).
    let templateContainers: [ContainerNodes]
    let isWindows: Bool

    init(_ entry: PodTemplateEntry) {
        // `entry.template` read in place each time: binding it to a local would copy the whole template.
        let containers = ContainerNodes.all(of: entry)
        let spec = PodSpecNodes(entry)
        containerNodes = containers
        podSpec = spec
        templateContainers = containers.filter { $0.list != ContainerNodes.lists[2] }
        isWindows = PodSecurity.isWindows(spec, containers)
        if entry.template.node != nil, entry.kind != .pod, let metadata = entry.template.metadata.node {
            templateLabelsNode = metadata["labels"]
            templateAnnotationsNode = metadata["annotations"]
        } else {
            templateLabelsNode = nil
            templateAnnotationsNode = nil
        }
    }
}

/// A pod template as a per-object rule sees it: the indexed entry and its nodes.
package struct PodView: Sendable {
    package let entry: PodTemplateEntry
    let nodes: PodNodes

    package var ref: ObjectRef { entry.ref }
    // `_read` lends the entry's values in place: a plain getter would copy a whole template (a retain of each of
    // its fields) for every rule that reads one field of it.
    package var kind: PodTemplateEntry.Kind { entry.kind }
    /// The whole typed workload (a copy: switch on `kind` where the kind is all a rule needs).
    package var workload: Workload? { entry.workload }
    package var template: PodTemplateSpec { _read { yield entry.template } }
    package var selector: LabelSelector? { _read { yield entry.selector } }
    package var namespace: String { _read { yield entry.namespace } }
    package var labels: [String: String] { _read { yield entry.labels } }
    package var specNode: YAMLNode { entry.specNode }
    package var isLegacy: Bool { entry.isLegacy }
    var podSpec: PodSpecNodes { nodes.podSpec }
    var containerNodes: [ContainerNodes] { nodes.containerNodes }
    var templateLabelsNode: YAMLNode? { nodes.templateLabelsNode }
    var templateAnnotationsNode: YAMLNode? { nodes.templateAnnotationsNode }
}

/// The pod templates of a linter window with their nodes; nodes are found on each access when the context
/// was not windowed (a lookup-only context).
package struct PodViews: RandomAccessCollection, Sendable {
    let entries: ArraySlice<PodTemplateEntry>
    let nodes: [PodNodes]

    package var startIndex: Int { 0 }
    package var endIndex: Int { entries.count }

    package subscript(position: Int) -> PodView {
        let entry = entries[entries.startIndex + position]
        return PodView(entry: entry, nodes: nodes.isEmpty ? PodNodes(entry) : nodes[position])
    }
}
