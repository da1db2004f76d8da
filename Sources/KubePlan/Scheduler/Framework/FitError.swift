/// The unschedulable message (`framework.FitError.Error()`): `0/N nodes are available: <sorted "count reason"
/// list>.` followed by DefaultPreemption's ` preemption: …` part.
package enum FitError {
    /// Builds the message from every node's failing status. `preFilterMessage` replaces the reason list
    /// when a PreFilter rejected the pod.
    package static func message(nodeCount: Int, statuses: [Status], preFilterMessage: String? = nil,
                                postFilterMessage: String? = nil) -> String {
        var text = "0/\(nodeCount) nodes are available:"
        if let preFilterMessage {
            text += " \(preFilterMessage)."
        } else {
            text += " " + histogram(statuses.flatMap(\.reasons)) + "."
        }
        if let postFilterMessage { text += " " + postFilterMessage }
        return text
    }

    /// `"<count> <reason>"` for each distinct reason, sorted as plain strings (so `10 …` sorts before `2 …`).
    package static func histogram(_ reasons: [String]) -> String {
        var counts: [String: Int] = [:]
        for reason in reasons { counts[reason, default: 0] += 1 }
        return counts.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
    }

    /// DefaultPreemption's message when it finds no victims. Nodes whose status is unresolvable are not
    /// tried; nodes without lower-priority pods have no victims. kubec does not simulate evictions: a node
    /// with lower-priority pods says so instead of preempting (documented deviation).
    package static func preemptionMessage(nodeCount: Int, statuses: [Status], lowerPriorityPods: [Bool],
                                          neverPreempts: Bool) -> String {
        if neverPreempts { return "preemption: " + Reason.preemptionNever }
        var reasons: [String] = []
        for (index, status) in statuses.enumerated() {
            if status.code == .unschedulableAndUnresolvable {
                reasons.append(Reason.preemptionNotHelpful)
            } else if index < lowerPriorityPods.count, lowerPriorityPods[index] {
                reasons.append("node(s) had lower-priority pods to preempt (kubec does not simulate preemption)")
            } else {
                reasons.append(Reason.noPreemptionVictims)
            }
        }
        return "preemption: " + message(nodeCount: nodeCount, statuses: [Status(.unschedulable, reasons)])
    }
}

/// A seedable SplitMix64 generator: the scheduler's tie-breaker, identical on every platform.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
