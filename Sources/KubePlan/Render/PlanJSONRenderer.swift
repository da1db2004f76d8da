import Dispatch
import KubeModel
import KubeYAML

/// `kubec plan --output json` (CLI.md): `pods`, `unschedulable`, `nodes`, then kubec's additions `cronJobs`
/// and, with `--explain`, `explain`. Keys are never removed; new ones are appended.
package enum PlanJSONRenderer {
    /// The same bytes as `json(result).rendered(pretty: true) + "\n"`, with the pods (nearly all of it)
    /// rendered in chunks on both cores.
    package static func render(_ result: PlanResult) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(result.plan.pods.count * 320 + 4096)
        output.append(UInt8(ascii: "{"))
        for (index, (key, value)) in fields(result, pods: .null).enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONValue.newline(&output, indent: 1)
            JSONValue.writeString(key, to: &output)
            output += ": ".utf8
            if key == "pods" {
                writePods(result.plan.pods, into: &output)
            } else {
                value.write(to: &output, pretty: true, indent: 1)
            }
        }
        JSONValue.newline(&output, indent: 0)
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The `pods` array as `JSONValue.write` writes it at nesting level 1.
    private static func writePods(_ pods: [PlacementPlan.Pod], into output: inout [UInt8]) {
        if pods.isEmpty {
            output += "[]".utf8
            return
        }
        output.append(UInt8(ascii: "["))
        let chunks = min(16, max(1, pods.count / 4096))
        let slots = ResultSlots<[UInt8]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (pods.count * chunk / chunks)..<(pods.count * (chunk + 1) / chunks)
            var out = RenderBuffer(capacity: range.count * 320)
            for index in range {
                if index > 0 { out.write(byte: UInt8(ascii: ",")) }
                out.write("\n    ")
                writePod(pods[index], into: &out)
            }
            slots.store(out.bytes, at: chunk)
        }
        for bytes in slots.values() { output += bytes }
        JSONValue.newline(&output, indent: 1)
        output.append(UInt8(ascii: "]"))
    }

    /// `pod(pod).write(to:pretty: true, indent: 2)`, written straight into the buffer (no `JSONValue` per pod).
    private static func writePod(_ pod: PlacementPlan.Pod, into out: inout RenderBuffer) {
        out.write("{\n      \"namespace\": ")
        out.writeJSON(pod.namespace)
        out.write(",\n      \"name\": ")
        out.writeJSON(pod.name)
        out.write(",\n      \"owner\": ")
        if let owner = pod.owner {
            out.write("{\n        \"kind\": ")
            out.writeJSON(owner.kind)
            out.write(",\n        \"name\": ")
            out.writeJSON(owner.name)
            out.write("\n      }")
        } else {
            out.write("null")
        }
        out.write(",\n      \"node\": ")
        if let node = pod.node { out.writeJSON(node) } else { out.write("null") }
        out.write(",\n      \"ip\": ")
        if let ip = pod.ip { writeAddress(ip, into: &out) } else { out.write("null") }
        // Every pod IP, primary first (both families in a dual-stack cluster); an added key.
        out.write(",\n      \"ips\": ")
        if pod.ips.isEmpty {
            out.write("[]")
        } else {
            out.write(byte: UInt8(ascii: "["))
            for (index, ip) in pod.ips.enumerated() {
                out.write(index > 0 ? ",\n        " : "\n        ")
                writeAddress(ip, into: &out)
            }
            out.write("\n      ]")
        }
        out.write(",\n      \"reasons\": ")
        if let message = pod.message {
            out.write("[\n        ")
            out.writeJSON(message)
            out.write("\n      ]")
        } else {
            out.write("[]")
        }
        out.write("\n    }")
    }

    /// An address as a JSON string (its text is digits, dots, hex and colons: nothing to escape).
    private static func writeAddress(_ address: IPAddress, into out: inout RenderBuffer) {
        out.write(byte: UInt8(ascii: "\""))
        out.write(address)
        out.write(byte: UInt8(ascii: "\""))
    }

    package static func json(_ result: PlanResult) -> JSONValue {
        .object(fields(result, pods: .array(result.plan.pods.map(pod))))
    }

    /// The top-level keys in order, with `pods` as given.
    private static func fields(_ result: PlanResult, pods: JSONValue) -> [(String, JSONValue)] {
        let plan = result.plan
        var root: [(String, JSONValue)] = [
            ("pods", pods),
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
        return root
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
