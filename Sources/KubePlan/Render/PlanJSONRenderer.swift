import KubeYAML

/// `kubec plan --output json` (CLI.md): `pods`, `unschedulable`, `nodes`, then kubec's additions `cronJobs`
/// and, with `--explain`, `explain`. Keys are never removed; new ones are appended.
package enum PlanJSONRenderer {
    package static func render(_ result: PlanResult) -> String {
        json(result).rendered(pretty: true) + "\n"
    }

    package static func json(_ result: PlanResult) -> JSONValue {
        let plan = result.plan
        var root: [(String, JSONValue)] = [
            ("pods", .array(plan.pods.map(pod))),
            (
                "unschedulable",
                .array(
                    plan.unschedulable.map { pod in
                        .object([
                            ("namespace", .string(pod.namespace)), ("name", .string(pod.name)),
                            ("message", .string(pod.message ?? "")),
                        ])
                    })
            ),
            ("nodes", .array(plan.nodes.map(node))),
            ("cronJobs", .array(plan.cronJobs.map(cronJob))),
        ]
        if let explanation = result.explanation { root.append(("explain", explain(explanation))) }
        return .object(root)
    }

    static func pod(_ pod: PlacementPlan.Pod) -> JSONValue {
        .object([
            ("namespace", .string(pod.namespace)),
            ("name", .string(pod.name)),
            ("owner", pod.owner.map { .object([("kind", .string($0.kind)), ("name", .string($0.name))]) } ?? .null),
            ("node", pod.node.map(JSONValue.string) ?? .null),
            ("ip", pod.ip.map { .string($0.description) } ?? .null),
            // Every pod IP, primary first (both families in a dual-stack cluster); an added key.
            ("ips", .array(pod.ips.map { .string($0.description) })),
            ("reasons", .array(pod.message.map { [.string($0)] } ?? [])),
        ])
    }

    static func node(_ node: PlacementPlan.Node) -> JSONValue {
        .object([
            ("name", .string(node.name)),
            ("pods", .int(node.pods.count)),
            (
                "requested",
                .object([
                    ("cpu", .string(PlanFormatting.cpu(node.requested.milliCPU))),
                    ("memory", .string(PlanFormatting.bytes(node.requested.memory))),
                ])
            ),
            (
                "allocatable",
                .object([
                    ("cpu", .string(PlanFormatting.cpu(node.allocatable.milliCPU))),
                    ("memory", .string(PlanFormatting.bytes(node.allocatable.memory))),
                    ("pods", .string(String(node.allowedPods))),
                ])
            ),
        ])
    }

    static func cronJob(_ cron: CronJobPlan) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("namespace", .string(cron.namespace)), ("name", .string(cron.name)), ("schedule", .string(cron.schedule)),
            ("timeZone", cron.timeZone.map(JSONValue.string) ?? .null), ("suspended", .bool(cron.suspended)),
            ("nextRuns", .array(cron.nextRuns.map { .string(PlanFormatting.timestamp($0)) })),
            ("jobs", .array(cron.jobNames.map(JSONValue.string))),
        ]
        if let problem = cron.problem { fields.append(("problem", .string(problem))) }
        return .object(fields)
    }

    static func explain(_ explanation: Explanation) -> JSONValue {
        .object([
            ("chosen", explanation.chosen.map(JSONValue.string) ?? .null),
            ("tied", .array(explanation.tied.map(JSONValue.string))),
            ("message", explanation.message.map(JSONValue.string) ?? .null),
            (
                "nodes",
                .array(
                    explanation.nodes.map { node in
                        .object([
                            ("name", .string(node.name)),
                            ("absent", node.absent.map(JSONValue.string) ?? .null),
                            (
                                "filters",
                                .array(
                                    node.filters.map { verdict in
                                        .object([
                                            ("plugin", .string(verdict.plugin)),
                                            ("status", .string(ExplainRenderer.code(verdict.status))),
                                            ("reasons", .array((verdict.status?.reasons ?? []).map(JSONValue.string))),
                                            ("decisive", .bool(verdict.decisive)),
                                        ])
                                    })
                            ),
                            (
                                "scores",
                                .array(
                                    node.scores.map { entry in
                                        .object([
                                            ("plugin", .string(entry.plugin)), ("raw", .int(Int(entry.raw))),
                                            ("normalized", .int(Int(entry.normalized))),
                                            ("weight", .int(Int(entry.weight))),
                                            ("weighted", .int(Int(entry.weighted))),
                                        ])
                                    })
                            ),
                            ("total", node.total.map { .int(Int($0)) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}
