import KubeLint
import KubeModel
import KubeYAML
import Testing

/// `kubec.dev/ignore` annotations, `.kubec.yaml` severities and excludes, `--enable`/`--disable`, and the
/// `unused-suppression` findings for stale ones.
struct SuppressionTests {
    private func rules(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.rule) }

    private func deployment(ignoring value: String) -> String {
        latestImageDeployment.replacingOccurrences(of: "IGNORE", with: value)
    }

    @Test func theAnnotationSuppressesTheNamedRule() {
        let diagnostics = Lint.run(deployment(ignoring: "image-tag-latest"))
        #expect(!rules(diagnostics).contains("image-tag-latest"))
        #expect(!rules(diagnostics).contains("unused-suppression"))
    }

    @Test func allSuppressesEveryRuleOfTheObject() {
        let diagnostics = Lint.run(deployment(ignoring: "all"))
        #expect(diagnostics.allSatisfy { $0.object?.name != "web" || $0.rule == "unused-suppression" })
        #expect(!rules(diagnostics).contains("unused-suppression"))
    }

    @Test func anAnnotationThatMatchesNothingIsReportedAsInfoAtItsValue() throws {
        let diagnostics = Lint.run(deployment(ignoring: "image-tag-latest, privileged-container"))
        let unused = try #require(diagnostics.first { $0.rule == "unused-suppression" })
        #expect(unused.severity == .info)
        #expect(unused.message.contains("privileged-container"))
        #expect(unused.range?.start == SourceLocation(line: 7, column: 23))
    }

    @Test func anUnknownRuleInTheAnnotationIsReported() {
        let diagnostics = Lint.run(deployment(ignoring: "image-tag-latest,no-such-rule"))
        #expect(diagnostics.contains { $0.rule == "unused-suppression" && $0.message.contains("unknown rule 'no-such-rule'") })
    }

    @Test func configOffDisablesARuleAndSeverityOverridesIt() {
        let (off, _) = Lint.configuration("rules:\n  image-tag-latest: off\n")
        #expect(!rules(Lint.run(deployment(ignoring: "x"), configuration: off)).contains("image-tag-latest"))
        let (error, _) = Lint.configuration("rules:\n  image-tag-latest: error\n")
        let found = Lint.run(deployment(ignoring: "x"), configuration: error).first { $0.rule == "image-tag-latest" }
        #expect(found?.severity == .error)
    }

    @Test func pathExcludesDropFindingsOfMatchingFiles() {
        let (configuration, problems) = Lint.configuration("exclude:\n  - \"vendor/**\"\n")
        #expect(problems.isEmpty)
        let diagnostics = Lint.run(files: [("vendor/a/web.yaml", deployment(ignoring: "x"))], configuration: configuration)
        #expect(!rules(diagnostics).contains("image-tag-latest"))
    }

    @Test func objectExcludesMatchKindNamespaceAndNameGlobs() {
        let (configuration, _) = Lint.configuration("""
            exclude:
              - {kind: Deployment, namespace: shop, name: "w*", rules: [image-tag-latest]}
            """)
        let diagnostics = Lint.run(deployment(ignoring: "x"), configuration: configuration)
        #expect(!rules(diagnostics).contains("image-tag-latest"))
        #expect(!diagnostics.contains { $0.rule == "unused-suppression" && $0.range?.file == ".kubec.yaml" })
    }

    @Test func anExcludeThatMatchesNothingIsReported() throws {
        let (configuration, _) = Lint.configuration("exclude:\n  - \"legacy/*.yaml\"\n  - {kind: Service, name: gone}\n")
        let unused = Lint.run(deployment(ignoring: "image-tag-latest"), configuration: configuration)
            .filter { $0.rule == "unused-suppression" }
        #expect(unused.count == 2)
        #expect(unused.allSatisfy { $0.range?.file == ".kubec.yaml" })
    }

    @Test func disableDropsEvenOtherStagesFindings() {
        var configuration = LintConfiguration()
        configuration.disabled = ["yaml-duplicate-key"]
        let diagnostics = Lint.run("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", configuration: configuration)
        #expect(!rules(diagnostics).contains("yaml-duplicate-key"))
    }

    @Test func enableRunsARuleTheConfigTurnedOff() {
        var (configuration, _) = Lint.configuration("rules: {image-tag-latest: off}")
        configuration.enabled = ["image-tag-latest"]
        #expect(rules(Lint.run(deployment(ignoring: "x"), configuration: configuration)).contains("image-tag-latest"))
    }

    @Test func configErrorsHavePositions() throws {
        let (_, problems) = Lint.configuration("rules:\n  image-tag-latest: loud\nexlude: []\n")
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.rule == ConfigLoader.ruleID && $0.range != nil })
        #expect(problems.first?.range?.start == SourceLocation(line: 2, column: 21))
    }

    @Test func plainOffInTheConfigIsReadAsOff() {
        let (configuration, problems) = Lint.configuration("rules:\n  run-as-root: off\n")
        #expect(problems.isEmpty)
        #expect(configuration.ruleSettings["run-as-root"] == .off)
    }

    @Test(arguments: [
        ("vendor/**", "vendor/a/b.yaml", true), ("vendor/**", "src/vendor.yaml", false), ("*.yaml", "a/b/c.yaml", true),
        ("a/*.yaml", "a/b/c.yaml", false), ("a/**/c.yaml", "a/b/x/c.yaml", true), ("a/?.yaml", "a/b.yaml", true),
    ])
    func globsMatchPathsLikeGitignore(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob.matches(pattern, path) == expected)
    }
}

/// A schema finding at the place an API-server rule reports is dropped in favour of the rule's.
struct SchemaOverlapTests {
    @Test func aSchemaFindingAtARuleFindingsPlaceIsDropped() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  restartPolicy: Sometimes\n  containers: [{name: web, image: \"nginx:1.27\"}]\n"
        let set = ManifestSet.decode(YAMLLoader.load(text: text, file: "pod.yaml"))
        let schema = Diagnostic(rule: "schema-enum", severity: .error, message: "Unsupported value",
                                range: SourceRange(file: "pod.yaml", span: SourceSpan(
                                    start: SourceLocation(line: 5, column: 18), end: SourceLocation(line: 5, column: 27))))
        let elsewhere = Diagnostic(rule: "schema-enum", severity: .error, message: "elsewhere",
                                   range: SourceRange(file: "pod.yaml", line: 1, column: 1))
        let diagnostics = Linter.lint(set, additional: [schema, elsewhere])
        #expect(diagnostics.contains { $0.rule == "invalid-restart-policy" })
        #expect(diagnostics.filter { $0.rule == "schema-enum" }.map(\.message) == ["elsewhere"])
    }
}
