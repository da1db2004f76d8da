import KubeLint
import KubeYAML
import Testing

/// The `api-warning` rule: the API server's `Warning:` texts for accepted objects, at the fields they are about.
struct APIWarningTests {
    private func warnings(_ text: String, minor: Int? = nil) -> [String] {
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        return Lint.run(text, configuration: configuration).filter { $0.rule == "api-warning" }.map(\.message)
    }

    /// A Deployment whose pod template spec is `spec` (indented six spaces) and template annotations `annotations`.
    private func deployment(_ spec: String, annotations: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web}
              annotations: {\(annotations)}
            spec:
        \(spec)
        """
    }

    @Test func deprecatedNodeLabelsInSelectorsAffinityAndSpread() {
        let spec = """
                  nodeSelector: {beta.kubernetes.io/arch: amd64}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions: [{key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [a]}]
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: failure-domain.beta.kubernetes.io/region, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
                  containers: [{name: web, image: web:1}]
            """
        #expect(warnings(deployment(spec)) == [
            #"spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead"#,
            "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                + ".matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "
                + #""topology.kubernetes.io/zone" instead"#,
            "spec.template.spec.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/region is "
                + #"deprecated since v1.17; use "topology.kubernetes.io/region" instead"#,
        ])
    }

    @Test func aPodsPathsStartAtSpec() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector: {beta.kubernetes.io/os: linux}\n"
            + "  containers: [{name: a, image: a:1}]\n"
        #expect(warnings(text) == [#"spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead"#])
    }

    @Test func aCronJobsPathsGoThroughItsJobTemplate() {
        let text = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      nodeSelector: {beta.kubernetes.io/arch: arm64}
                      containers: [{name: backup, image: backup:1}]
            """
        #expect(warnings(text) == ["spec.jobTemplate.spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: "
            + #"deprecated since v1.14; use "kubernetes.io/arch" instead"#])
    }

    @Test func nonFunctionalAnnotations() {
        let spec = "      containers: [{name: web, image: web:1}]"
        let found = warnings(deployment(spec, annotations: "scheduler.alpha.kubernetes.io/critical-pod: '', "
            + "seccomp.security.alpha.kubernetes.io/pod: runtime/default, container.apparmor.security.beta.kubernetes.io/web: runtime/default"))
        #expect(Set(found) == [
            #"spec.template.metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead"#,
            #"spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead"#,
            #"spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: deprecated since v1.30; use the "appArmorProfile" field instead"#,
        ])
    }

    @Test func theSeccompAnnotationIsQuietWhenTheFieldIsSet() {
        let spec = "      securityContext: {seccompProfile: {type: RuntimeDefault}}\n      containers: [{name: web, image: web:1}]"
        #expect(warnings(deployment(spec, annotations: "seccomp.security.alpha.kubernetes.io/pod: runtime/default")).isEmpty)
    }

    @Test func deprecatedVolumePlugins() {
        let spec = """
                  containers: [{name: web, image: web:1}]
                  volumes: [{name: src, gitRepo: {repository: "https://example.com/r.git"}}, {name: s, storageos: {volumeName: v}}]
            """
        #expect(warnings(deployment(spec)) == [
            "spec.template.spec.volumes[0].gitRepo: deprecated in v1.11",
            "spec.template.spec.volumes[1].storageOS: deprecated in v1.22, non-functional in v1.25+",
        ])
    }

    @Test func duplicatesThatApplyMayDrop() {
        let spec = """
                  imagePullSecrets: [{name: reg}, {name: reg}]
                  containers:
                  - name: web
                    image: web:1
                    env: [{name: A, value: "1"}, {name: A, value: "2"}, {name: B, value: x}, {name: B, value: "$(B)-y"}]
                    ports: [{containerPort: 80}, {containerPort: 80}]
            """
        #expect(warnings(deployment(spec)) == [
            #"spec.template.spec.imagePullSecrets[1].name: duplicate name "reg""#,
            #"spec.template.spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply"#,
            "spec.template.spec.containers[0].ports[1]: duplicate port definition with spec.template.spec.containers[0].ports[0]",
        ])
    }

    @Test func aNegativeGracePeriodAndNullSelectors() {
        let spec = """
                  terminationGracePeriodSeconds: -1
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]
                  containers: [{name: web, image: web:1}]
            """
        #expect(warnings(deployment(spec)) == [
            "spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1",
            "spec.template.spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod",
        ])
    }

    @Test func serviceWarningsFollowTheKubernetesVersion() {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {service.kubernetes.io/topology-aware-hints: auto}}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              externalIPs: [192.0.2.10]
              trafficDistribution: PreferClose
            """
        let hints = "annotation service.kubernetes.io/topology-aware-hints is deprecated, please use "
            + "service.kubernetes.io/topology-mode instead"
        let external = "spec.externalIPs is deprecated and may no longer be implemented in some clusters"
        let prefer = #"spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone""#
        #expect(warnings(text) == [hints, external, prefer])
        #expect(warnings(text, minor: 35) == [hints, prefer])
        #expect(warnings(text, minor: 34) == [hints])
    }

    @Test func headlessAndExternalNameServicesIgnoreFields() {
        let headless = """
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}], sessionAffinity: ClientIP}
            """
        #expect(warnings(headless) == ["spec.SessionAffinity is ignored for headless services"])
        let external = """
            apiVersion: v1
            kind: Service
            metadata: {name: ext}
            spec: {type: ClusterIP, externalName: db.example.com, selector: {app: db}, ports: [{port: 5432}]}
            """
        #expect(warnings(external) == [#"spec.externalName is ignored when spec.type is not "ExternalName""#])
    }

    @Test func theIngressClassAnnotation() {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, annotations: {kubernetes.io/ingress.class: nginx}}
            spec:
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """
        #expect(warnings(text) == [#"annotation "kubernetes.io/ingress.class" is deprecated, please use 'spec.ingressClassName' instead"#])
    }
}
