import KubeLint
import KubeModel
import KubeYAML
import Testing

/// `checks:` in `.kubec.yaml`: the parameters of the configurable rules, their validation, and the rules
/// reading them.
struct CheckSettingsTests {
    private let labelled = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels: {team: Payments}
        data: {level: info}
        """

    @Test func aBadValuePatternIsAConfigErrorAtThePattern() throws {
        let (_, problems) = Lint.configuration("checks:\n  required-labels:\n    - {key: team, value: \"[a-z\"}\n")
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.rule == ConfigLoader.ruleID)
        #expect(problem.message.contains("not a valid regular expression"))
        #expect(problem.range?.start.line == 3)
        #expect(problem.range?.start.column == 26)
    }

    @Test func anUnknownCheckSettingIsAConfigError() {
        let (_, problems) = Lint.configuration("checks:\n  minimum-replica: 3\n")
        #expect(problems.map(\.message).contains { $0.contains("unknown check setting 'minimum-replica'") })
    }

    @Test func anUnknownServiceTypeIsAConfigError() {
        let (_, problems) = Lint.configuration("checks:\n  allowed-service-types: [ClusterIP, Nodeport]\n")
        #expect(problems.count == 1)
        #expect(problems.first?.range?.start.column == 38)
    }

    @Test func aMinimumReplicasBelowOneIsAConfigError() {
        let (_, problems) = Lint.configuration("checks:\n  minimum-replicas: 0\n")
        #expect(problems.count == 1)
    }

    @Test func aCheckSettingTurnsItsRuleOn() throws {
        let (configuration, problems) = Lint.configuration("checks:\n  required-labels: [team]\n")
        #expect(problems.isEmpty)
        let rule = try #require(RuleRegistry.description(of: "required-label"))
        #expect(!rule.enabledByDefault)
        #expect(configuration.isEnabled(rule))
    }

    @Test func rulesOffWinsOverACheckSetting() throws {
        let (configuration, _) = Lint.configuration("rules:\n  required-label: off\nchecks:\n  required-labels: [team]\n")
        let rule = try #require(RuleRegistry.description(of: "required-label"))
        #expect(!configuration.isEnabled(rule))
    }

    @Test func aRequiredLabelWithAMatchingValuePasses() {
        let (configuration, _) = Lint.configuration("checks:\n  required-labels: [{key: team, value: \"[A-Z][a-z]+\"}]\n")
        #expect(Lint.run(labelled, configuration: configuration).filter { $0.rule == "required-label" }.isEmpty)
    }

    @Test func aRequiredLabelValueMustMatchWhole() throws {
        let (configuration, _) = Lint.configuration("checks:\n  required-labels: [{key: team, value: \"[a-z]+\"}]\n")
        let found = Lint.run(labelled, configuration: configuration).filter { $0.rule == "required-label" }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.range?.start.line == 5)
        #expect(finding.message.contains("does not match [a-z]+"))
    }

    @Test func theConfiguredMinimumReplicasIsUsed() {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """
        let (three, _) = Lint.configuration("checks:\n  minimum-replicas: 3\n")
        #expect(Lint.run(deployment, configuration: three).contains { $0.rule == "replicas-below-minimum" })
        let (two, _) = Lint.configuration("checks:\n  minimum-replicas: 2\n")
        #expect(!Lint.run(deployment, configuration: two).contains { $0.rule == "replicas-below-minimum" })
    }

    @Test func configuredAllowedServiceTypesReplaceTheDefault() {
        let service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n"
        let (configuration, _) = Lint.configuration("checks:\n  allowed-service-types: [ClusterIP]\n")
        #expect(Lint.run(service, configuration: configuration).contains { $0.rule == "service-type-not-allowed" })
    }

    @Test func configuredForbiddenAnnotationsReplaceTheDefault() {
        let object = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {legacy/owner: x, "kubectl.kubernetes.io/last-applied-configuration": "{}"}
            """
        let (configuration, _) = Lint.configuration("checks:\n  forbidden-annotations: [legacy/owner]\n")
        let found = Lint.run(object, configuration: configuration).filter { $0.rule == "forbidden-annotation" }
        #expect(found.map(\.message) == ["annotation \"legacy/owner\" is not allowed"])
    }
}
