import KubeLint
import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

/// The linter runs per-object rules window by window; a rule marked `.perObject` must find exactly what it finds
/// over the whole input, or its scope is wrong.
struct RuleWindowTests {
    static let perObjectRules = RuleRegistry.all.filter { $0.runScope == .perObject }.map(\.info.id)

    /// Every rule example as one input, so cross-resource lookups reach across windows; and the corpora.
    static let inputs: [ManifestSet] = {
        let examples = RuleRegistry.all.flatMap { rule in
            (rule.info.triggering + rule.info.nonTriggering).map { MarkedSource($0).text }
        }
        let exampleFiles = examples.enumerated().map { SourceFile(path: "example-\($0.offset).yaml", text: $0.element) }
        var sets = [ManifestSet.decode(YAMLLoader.load(exampleFiles))]
        var paths = [RepositoryPaths.manifests]
        if let corpus = CorpusTests.corpus { paths.append(corpus) }
        sets.append(ManifestSet.decode(YAMLLoader.load(InputCollector.collect(paths).inputs)))
        return sets
    }()

    static func described(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.manifest ?? -1) \($0.range.map { "\($0.start.line):\($0.start.column)" } ?? "-") \($0.message)" }
            .sorted()
    }

    @Test(arguments: perObjectRules)
    func windowsFindWhatTheWholeInputFinds(_ id: String) throws {
        let rule = try #require(RuleRegistry.all.first { $0.info.id == id })
        for set in Self.inputs {
            let context = LintContext(set)
            let whole = Self.described(Linter.findings(of: rule, in: context, windowSize: nil))
            for size in [1, 3, Linter.windowSize] {
                let windowed = Self.described(Linter.findings(of: rule, in: context, windowSize: size))
                let extra = windowed.filter { !whole.contains($0) }.prefix(3)
                let missing = whole.filter { !windowed.contains($0) }.prefix(3)
                #expect(windowed.count == whole.count && extra.isEmpty && missing.isEmpty,
                        "\(id), windows of \(size): \(windowed.count) findings against \(whole.count); extra \(Array(extra)), missing \(Array(missing))")
            }
        }
    }

    @Test func theInputsExerciseTheRules() {
        let context = LintContext(Self.inputs[0])
        let reporting = RuleRegistry.all.filter { !Linter.findings(of: $0, in: context, windowSize: nil).isEmpty }
        #expect(reporting.count >= 40, "only \(reporting.count) rules report on their own examples")
    }
}
