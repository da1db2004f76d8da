/// kube-scheduler's status codes and reason strings (`framework/status.go`, plugin `ErrReason…` constants).
///
/// Reason strings are kept word for word, because users grep their CI logs for them.

/// The outcome of one plugin at one extension point, for one node.
package struct Status: Sendable, Hashable {
    /// `framework.Code`, the subset a simulator produces.
    package enum Code: Int, Sendable, Hashable {
        case success
        /// The node may fit once other pods are preempted.
        case unschedulable
        /// Preemption cannot help on this node.
        case unschedulableAndUnresolvable
        /// The plugin has nothing to do for this pod (PreFilter/PreScore only).
        case skip
    }

    package var code: Code
    /// Every reason of a failure (NodeResourcesFit may give several).
    package var reasons: [String]
    /// The plugin that failed; nil on success.
    package var plugin: String?

    package init(_ code: Code, _ reasons: [String] = [], plugin: String? = nil) {
        self.code = code
        self.reasons = reasons
        self.plugin = plugin
    }

    package static let success = Status(.success)
    package static let skip = Status(.skip)

    package var isSuccess: Bool { code == .success }

    /// An `Unschedulable` status of `plugin` with reasons.
    static func unschedulable(_ plugin: String, _ reasons: String...) -> Status {
        Status(.unschedulable, reasons, plugin: plugin)
    }

    /// An `UnschedulableAndUnresolvable` status of `plugin` with reasons.
    static func unresolvable(_ plugin: String, _ reasons: String...) -> Status {
        Status(.unschedulableAndUnresolvable, reasons, plugin: plugin)
    }
}

/// The reason strings of kube-scheduler v1.35 (see the reference, §3.3).
package enum Reason {
    package static let nodeUnschedulable = "node(s) were unschedulable"
    package static let nodeName = "node(s) didn't match the requested node name"
    /// v1.35 (and late 1.34 patches).
    package static let untoleratedTaints = "node(s) had untolerated taint(s)"
    package static let nodeAffinity = "node(s) didn't match Pod's node affinity/selector"
    package static let affinityTermsConflict = "pod affinity terms conflict"
    package static let nodePorts = "node(s) didn't have free ports for the requested pod ports"
    package static let tooManyPods = "Too many pods"
    package static let spreadConstraints = "node(s) didn't match pod topology spread constraints"
    package static let spreadMissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)"
    package static let podAffinity = "node(s) didn't match pod affinity rules"
    package static let podAntiAffinity = "node(s) didn't match pod anti-affinity rules"
    package static let existingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules"
    package static let preemptionNotHelpful = "Preemption is not helpful for scheduling"
    package static let noPreemptionVictims = "No preemption victims found for incoming pod"
    package static let preemptionNever = "not eligible due to preemptionPolicy=Never."

    /// `Insufficient <resource>`.
    package static func insufficient(_ resource: String) -> String { "Insufficient \(resource)" }

    /// The taint reason of v1.25–1.33: the first untolerated taint, `{key: value}`.
    package static func untoleratedTaint(key: String, value: String) -> String {
        "node(s) had untolerated taint {\(key): \(value)}"
    }

    /// Nodes left out by a PreFilter result: `node(s) didn't satisfy plugin(s) [A B] simultaneously`.
    package static func absentNodes(_ plugins: [String]) -> String {
        plugins.count == 1
            ? "node(s) didn't satisfy plugin(s) [\(plugins[0])]"
            : "node(s) didn't satisfy plugin(s) [\(plugins.joined(separator: " "))] simultaneously"
    }
}
