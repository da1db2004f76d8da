import Dispatch
import KubeModel
import KubeYAML

/// The lint stage: runs the enabled rules over a decoded set, then applies severities and suppressions to
/// every finding (the loader's, the model's, the schema's and the rules').
package enum Linter {
    /// The per-object suppression annotation: `kubec.dev/ignore: rule-a,rule-b` or `all`.
    package static let ignoreAnnotation = "kubec.dev/ignore"

    /// Another stage's per-manifest work (schema validation) that the linter runs on each of its windows just
    /// before the rules, while the window's nodes are in cache; returns that stage's findings for the window.
    package typealias WindowStage = @Sendable (Range<Int>) -> [Diagnostic]

    /// Lints a set. `additional` are findings of other stages (schema validation) that suppressions and
    /// severity overrides should also apply to; `alongside` is a stage to run window by window with the rules,
    /// whose findings are treated the same way. Returns every diagnostic, sorted for reports. Rules run on
    /// both cores unless `parallel` is false. `pending` gives findings that come after `additional` and are ready
    /// only later (the plan's, while `compile` plans beside the rules); it is called once the rules have run.
    /// `finished` is handed the run's context at the end (a command about to exit keeps it rather than free it).
    package static func lint(
        _ set: ManifestSet, configuration: LintConfiguration = LintConfiguration(), additional: [Diagnostic] = [],
        alongside: WindowStage? = nil, rules: [any Rule] = RuleRegistry.all, parallel: Bool = true,
        pending: () -> [Diagnostic] = { [] }, finished: (LintContext) -> Void = { _ in }
    ) -> [Diagnostic] {
        let context = LintContext(set, parallel: parallel)
        let active = rules.filter { configuration.isEnabled($0.info) }.map { prepared($0, configuration) }
        var (perRule, ignoreAnnotations, stageFindings) = run(active, context, alongside: alongside, parallel: parallel)
        // A schema finding at the very place an API-server rule reports is the same problem said twice (an enum
        // the OpenAPI schema also lists): keep the rule's, which has the API server's path and wording.
        var apiServerPlaces = Set<SourceRange>()
        for (rule, parts) in zip(active, perRule) where rule.info.kind == .apiServer {
            for found in parts {
                for index in found.indices {
                    if let range = found[index].range { apiServerPlaces.insert(startOf(range)) }
                }
            }
        }
        // Every finding once, in this order: the loader's and the model's, the other stages', then each rule's.
        // The parts the workers made are moved into the report, never copied (see `FindingMerge`).
        var others = [additional, pending()] + stageFindings
        stageFindings = []
        var parts = [set.diagnostics]
        parts.append(FindingMerge.moving(&others) { diagnostic in
            guard diagnostic.rule.hasPrefix("schema-"), let range = diagnostic.range else { return true }
            return !apiServerPlaces.contains(startOf(range))
        })
        for index in perRule.indices {
            parts.append(contentsOf: perRule[index])
            perRule[index] = []
        }
        var diagnostics = FindingMerge.moving(&parts)
        var suppressions = Suppressions(annotations: ignoreAnnotations, configuration: configuration)
        // Filtered in place, by index in the buffer: each finding kept is moved, never copied (a copy retains every
        // string).
        let suppressing = suppressions.mayMatch
        let kept = diagnostics.withUnsafeMutableBufferPointer { diagnostics in
            var kept = 0
            for index in diagnostics.indices {
                let rule = diagnostics[index].rule
                if !configuration.disabled.isEmpty, configuration.disabled.contains(rule) { continue }
                if !configuration.ruleSettings.isEmpty {
                    if case .off = configuration.ruleSettings[rule], RuleRegistry.description(of: rule) == nil { continue }
                    let severity = diagnostics[index].severity
                    diagnostics[index].severity = configuration.severity(forRule: rule, default: severity)
                }
                if suppressing, suppressions.suppresses(diagnostics[index]) { continue }
                if kept != index { diagnostics.swapAt(kept, index) }
                kept += 1
            }
            return kept
        }
        diagnostics.removeLast(diagnostics.count - kept)
        if configuration.isEnabled(UnusedSuppressionRule.description) {
            let ran = Set(active.map(\.info.id))
            for var unused in suppressions.unused(ranRules: ran) {
                unused.severity = configuration.severity(forRule: unused.rule, default: unused.severity)
                diagnostics.append(unused)
            }
        }
        diagnostics.sortForReport()
        // The context's indexes and pod templates are many small objects: freeing them is left to the caller.
        finished(context)
        return diagnostics
    }

    /// A range reduced to where it starts, to compare findings of different stages.
    private static func startOf(_ range: SourceRange) -> SourceRange {
        SourceRange(file: range.file, line: range.start.line, column: range.start.column)
    }

    /// The findings of one rule, per window of `windowSize` manifests for a per-object rule, as `lint` runs it
    /// (the example tests and benchmarks call this; `windowSize: nil` runs any rule over the whole input).
    package static func findings(of rule: any Rule, in context: LintContext, windowSize: Int? = Linter.windowSize) -> [Finding] {
        var sink = FindingSink()
        if rule.runScope == .perObject, let windowSize {
            for window in windows(context.objectStore.count, size: windowSize) {
                rule.check(context.windowed(to: window), into: &sink)
            }
        } else {
            rule.check(context, into: &sink)
        }
        return sink.findings
    }

    /// A rule's findings as diagnostics, with the rule's id and default severity and each object's identity.
    static func diagnostics(_ findings: [Finding], of rule: RuleDescription, in context: LintContext) -> [Diagnostic] {
        let manifests = context.storage.manifests
        // The identity's fields read in place: `identity.objectIdentity` copied the whole identity first.
        func identity(_ index: Int) -> ObjectIdentity {
            ObjectIdentity(
                apiVersion: manifests[index].identity.apiVersion, kind: manifests[index].identity.kind,
                namespace: manifests[index].identity.namespace, name: manifests[index].identity.name)
        }
        return findings.map { finding in
            Diagnostic(
                rule: rule.id, severity: finding.severity ?? rule.severity, message: finding.message,
                range: finding.range, object: finding.manifest.map(identity),
                path: finding.path, hint: finding.hint, notes: finding.notes)
        }
    }

    /// Consecutive ranges of `size` manifest positions covering `count`.
    static func windows(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(1, size)).map { $0..<min($0 + max(1, size), count) }
    }

    /// The number of manifests a window holds: small enough that every per-object rule finds a window's nodes
    /// still in cache, large enough that starting a window (each rule's small memo tables) costs little.
    package static let windowSize = 64

    /// Runs the rules, per-object ones window by window, on both cores unless `parallel` is false. Results land
    /// in rule order, each rule's findings as the parts its workers made (in window order), whatever the timing.
    /// Also returns the objects' suppression annotations, read in the same windows, and the findings of the
    /// `alongside` stage as parts in window order.
    private static func run(
        _ rules: [any Rule], _ context: LintContext, alongside: WindowStage?, parallel: Bool
    ) -> ([[[Diagnostic]]], [(object: ObjectRef, value: YAMLNode)], [[Diagnostic]]) {
        let local = rules.indices.filter { rules[$0].runScope == .perObject }
        let whole = rules.indices.filter { rules[$0].runScope == .wholeInput }
        let count = context.objectStore.count
        let windows = windows(count, size: windowSize)
        // Windows are dealt to a few groups per core so that a slow group does not leave a core idle.
        let groups = parallel ? min(windows.count, 16) : min(windows.count, 1)
        @Sendable func runGroup(_ group: Int) -> GroupResult {
            var sinks = local.map { _ in FindingSink() }
            var annotations: [(object: ObjectRef, value: YAMLNode)] = []
            var stageFindings: [Diagnostic] = []
            for window in windows[group * windows.count / groups..<(group + 1) * windows.count / groups] {
                if let alongside { stageFindings += alongside(window) }
                let view = context.windowed(to: window)
                for (slot, index) in local.enumerated() {
                    rules[index].check(view, into: &sinks[slot])
                }
                annotations += Suppressions.ignoreAnnotations(of: view.allObjects)
            }
            // Made into diagnostics here, on the group's core, rather than one by one after every group is done.
            let found = zip(local, sinks).map { diagnostics($1.findings, of: rules[$0].info, in: context) }
            return GroupResult(findings: found, annotations: annotations, stageFindings: stageFindings)
        }
        var result = Array(repeating: [[Diagnostic]](), count: rules.count)
        let wholeSlots = ResultSlots<[Diagnostic]>(count: whole.count)
        let groupSlots = ResultSlots<GroupResult>(count: groups)
        let work = whole.count + groups
        let body: @Sendable (Int) -> Void = { item in
            if item < whole.count {
                let rule = rules[whole[item]]
                wholeSlots.store(diagnostics(findings(of: rule, in: context, windowSize: nil), of: rule.info, in: context), at: item)
            } else {
                groupSlots.store(runGroup(item - whole.count), at: item - whole.count)
            }
        }
        if parallel { DispatchQueue.concurrentPerform(iterations: work, execute: body) } else { (0..<work).forEach(body) }
        for (slot, findings) in wholeSlots.values().enumerated() { result[whole[slot]] = [findings] }
        var annotations: [(object: ObjectRef, value: YAMLNode)] = []
        var stageFindings: [[Diagnostic]] = []
        for group in groupSlots.values() {
            for (slot, index) in local.enumerated() where !group.findings[slot].isEmpty {
                result[index].append(group.findings[slot])
            }
            annotations += group.annotations
            if !group.stageFindings.isEmpty { stageFindings.append(group.stageFindings) }
        }
        return (result, annotations, stageFindings)
    }

    /// What one group of windows found.
    private struct GroupResult: Sendable {
        var findings: [[Diagnostic]]
        var annotations: [(object: ObjectRef, value: YAMLNode)]
        var stageFindings: [Diagnostic]
    }
}
