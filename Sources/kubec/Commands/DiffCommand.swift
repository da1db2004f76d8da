import ArgumentParser
import Dispatch
import Foundation
import KubeDiff
import KubeModel
import KubeYAML

/// `kubec diff OLD NEW`: what changed between two versions of a manifest set, what the API server will refuse,
/// and what rolls out.
///
/// Exit status as `kubectl diff`: 0 no differences (or differences without `--exit-code`), 1 differences with
/// `--exit-code`, 2 when the command could not do its job (a missing path or unparsable input, a malformed
/// `--ignore`, a missing or unparsable `--cluster` path, a document that looks like an object but cannot be
/// identified, bad flags). With `--cluster`, compiled differences
/// (placement, Service addresses, rules, DNS, nginx routes) count as differences for `--exit-code`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a manifest set: field changes, refused updates, rollouts, dataplane.",
        discussion: "OLD and NEW are each a file, a folder (read recursively for .yaml, .yml, .json) or - for "
            + "standard input. Objects are matched by group, kind, namespace and name, whatever file they are in.\n\n"
            + "Server-written noise (status, managedFields, resourceVersion, uid, generation, creationTimestamp, "
            + "selfLink, the last-applied-configuration annotation) is never compared. Updates the API server would "
            + "refuse (immutable fields) are errors with the hint \"needs delete and recreate\"; workloads whose pod "
            + "template changed get their rollout steps (none when the update is refused).\n\n"
            + "Lists are matched as kubectl apply matches them; reordering containers, init containers or env is a "
            + "change (it rolls out), and so is any reorder inside a pod template (its hash changes); elsewhere "
            + "keyed lists ignore order. Multi-line strings are shown as line diffs, JSON inside strings as JSON "
            + "fields, CRD schemas per version as property paths. An object "
            + "that disappears and one of the same kind that appears with nearly the same content (a kustomize hash "
            + "suffix, a Helm release rename) are shown as one renamed object. A document that looks like an object "
            + "but has no apiVersion, kind or name makes the comparison incomplete: exit 2.\n\n"
            + "With --cluster PATH (Nodes and an optional kind: Cluster document, added to both sides), both sides "
            + "are compiled as `kubec compile` would and the report adds what moves: pods that appear, disappear, "
            + "move node or are replaced by a rollout; Service IPs and node ports; per node the lines added and "
            + "removed in iptables.rules, ip6tables.rules, policy.rules, policy6.rules and policy.ipset (counts; "
            + "the lines with --verbose); DNS records; nginx routes and their upstream servers. --exit-code counts "
            + "these differences too. The new side is planned on top of the old one, as applying the change "
            + "would be: pods both sides have keep their node and IP, and only new pods are scheduled.\n\n"
            + "--output html writes the report as one self-contained page (inline CSS and SVG, nothing fetched): "
            + "per object its field changes, refused updates and rollout timeline, and with --cluster the "
            + "placement and dataplane changes per node.")

    /// Report formats.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case html
    }

    @Argument(help: "The old version: a file, a folder or -.")
    var old: String

    @Argument(help: "The new version: a file, a folder or -.")
    var new: String

    @Option(help: "Report format: text, json or html (one self-contained page).")
    var output: OutputFormat = .text

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are differences (0 when none, 2 on error).")
    var exitCode = false

    @Option(
        name: .customLong("ignore"),
        help: ArgumentHelp(
            "A field path not to compare (repeatable): spec.replicas, metadata.labels[\"helm.sh/chart\"], spec.template.spec.containers[*].image.",
            valueName: "FIELD_PATH"))
    var ignores: [String] = []

    @Option(
        help: ArgumentHelp(
            "Nodes and Cluster settings to compile both sides with and diff placement and dataplane.", valueName: "PATH"
        ))
    var cluster: String?

    @Flag(name: [.short, .long], help: "With --cluster: list the rule lines and DNS records added and removed.")
    var verbose = false

    @Flag(
        name: .customLong("no-color"),
        help: "Never colour the text output (it is coloured on a terminal unless NO_COLOR is set).")
    var noColor = false

    func run() throws {
        if old == "-", new == "-" {
            return try fail("OLD and NEW cannot both be standard input")
        }
        var patterns: [FieldPathPattern] = []
        for text in ignores {
            do {
                patterns.append(try FieldPathPattern(text))
            } catch {
                return try fail("--ignore \(text): \(error.reason)")
            }
        }
        if let cluster, !FileManager.default.fileExists(atPath: cluster) {
            return try fail("--cluster: no such file or directory: \(cluster)")
        }
        let oldSide = Self.collect(old)
        let newSide = Self.collect(new)
        let clusterSide = cluster.map(Self.collect)
        let unreadable = oldSide.diagnostics + newSide.diagnostics + (clusterSide?.diagnostics ?? [])
        if !unreadable.isEmpty {
            return try fail(unreadable.map(\.message).joined(separator: "; "))
        }
        // Typed objects are needed only to compile (`--cluster`); the manifest diff reads the YAML trees.
        let (oldSet, newSet) = Self.loadBoth(oldSide.inputs, newSide.inputs, typed: cluster != nil)
        var report = ManifestDiff.compare(
            old: oldSet, new: newSet, options: DiffOptions(ignores: patterns, roots: (old, new)))
        if let cluster, let clusterSide {
            let clusterSet = Self.load(clusterSide.inputs)
            // Unreadable or unparsable cluster documents would compile both sides onto a cluster that is not
            // the one asked for: that is an error (2), as for OLD and NEW.
            if DiffReport(diagnostics: clusterSet.diagnostics).hasInputErrors {
                let messages = clusterSet.diagnostics.filter { $0.severity == .error }.map(\.message)
                return try fail("--cluster \(cluster): " + messages.joined(separator: "; "))
            }
            report.cluster = .compiled(path: cluster)
            report.compiled = CompiledDiffer.compare(
                old: oldSet, new: newSet, cluster: clusterSet, path: cluster, keepLines: verbose)
        }
        switch output {
        case .text:
            Console.out(DiffTextRenderer(color: useColor, verbose: verbose).render(report))
        case .json:
            Console.out(DiffJSONRenderer.render(report, verbose: verbose))
        case .html:
            Console.out(DiffHTMLRenderer.render(report, verbose: verbose))
        }
        ExitLifetime.keep((oldSet, newSet, report))
        let status = report.exitStatus(exitCode: exitCode)
        if status != 0 { throw ExitCode(status) }
    }

    /// Expands one side's path: a file, a folder or `-`; a missing path is a diagnostic.
    static func collect(_ path: String) -> (inputs: [InputCollector.Input], diagnostics: [Diagnostic]) {
        InputCollector.collect([path])
    }

    /// Reads and identifies one side's documents.
    static func load(_ inputs: [InputCollector.Input], typed: Bool = true) -> ManifestSet {
        ManifestSet.decode(YAMLLoader.load(inputs), typed: typed)
    }

    /// Both sides, loaded at the same time: each load has steps that use one core (classifying, indexing),
    /// and the other side's work fills the second.
    static func loadBoth(
        _ old: [InputCollector.Input], _ new: [InputCollector.Input], typed: Bool
    ) -> (old: ManifestSet, new: ManifestSet) {
        let slots = ResultSlots<ManifestSet>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            slots.store(load(side == 0 ? old : new, typed: typed), at: side)
        }
        let sets = slots.values()
        return (sets[0], sets[1])
    }

    private var useColor: Bool {
        !noColor && Console.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    private func fail(_ message: String) throws {
        Console.error("kubec diff: error: \(message)\n")
        throw ExitCode(2)
    }
}
