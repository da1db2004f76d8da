import KubeLint
import KubeTestSupport
import KubeYAML
import Testing

/// The kinds validated by Rules/APIServer: each finding is the API server's message at the field's position
/// (pkg/apis/{autoscaling,policy,core,rbac,networking,scheduling,storage}/validation).
struct APIServerKindsWordingTests {
    static func error(_ marked: String) throws -> String { try APIServerWordingTests.error(marked) }

    @Test func anHPAMetricWithTheWrongSource() throws {
        let message = try Self.error("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 3
              metrics:
              - type: ↓Pods
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
            """)
        #expect(message == "spec.metrics[0].pods: Required value: must populate information for the given metric source")
    }

    @Test func anHPAWithMaxBelowMin() throws {
        let message = try Self.error("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 4
              maxReplicas: ↓2
            """)
        #expect(message == "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`")
    }

    @Test func anHPAScalingPolicyPeriodAboveHalfAnHour() throws {
        let message = try Self.error("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 3
              behavior:
                scaleUp:
                  policies: [{type: Pods, value: 2, periodSeconds: ↓3600}]
            """)
        #expect(message == "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800")
    }

    @Test func aPDBWithBothBounds() throws {
        let message = try Self.error("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 1
              ↓maxUnavailable: 1
              selector: {matchLabels: {app: web}}
            """)
        #expect(message == "spec: Invalid value: {...}: minAvailable and maxUnavailable cannot be both set")
    }

    @Test func aConfigMapKeyWithASpace() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app}
            data:
              ↓my key: x
            """)
        #expect(message == "data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
    }

    @Test(arguments: [".", "..", "..data", "a/b", ""])
    func configMapKeysTheAPIServerRefuses(_ key: String) {
        let findings = Lint.run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  \"\(key)\": x\n")
        #expect(findings.contains { $0.rule == "invalid-configmap-data" }, "\(key)")
    }

    @Test(arguments: [".env", "a.b", "KEY_1", "x-y", "v..2"])
    func configMapKeysTheAPIServerAccepts(_ key: String) {
        let findings = Lint.run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  \"\(key)\": x\n")
        #expect(!findings.contains { $0.rule == "invalid-configmap-data" }, "\(key)")
    }

    @Test func aConfigMapOverOneMebibyte() throws {
        let big = String(repeating: "a", count: (1 << 20) + 1)
        let message = try Self.error("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\n↓data:\n  blob: \(big)\n")
        #expect(message == "[]: Too long: may not be more than 1048576 bytes")
    }

    @Test func aTLSSecretWithoutItsKey() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Secret
            metadata: {name: tls}
            type: ↓kubernetes.io/tls
            data: {tls.crt: Zm9v}
            """)
        #expect(message == "data[tls.key]: Required value")
    }

    @Test func aSecretValueThatIsNotBase64() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            data:
              password: ↓s3cr3t!!
            """)
        #expect(message == "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 6")
    }

    @Test func aSecretValueCutShortOfItsPadding() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            data:
              password: ↓Zm9vYg
            """)
        #expect(message == "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 4")
    }

    @Test func aRoleGrantingNonResourceURLs() throws {
        let message = try Self.error("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: probe, namespace: ops}
            rules:
            - nonResourceURLs: ↓["/healthz", "/readyz"]
              verbs: [get]
            """)
        #expect(message == "rules[0].nonResourceURLs: Invalid value: [\"/healthz\",\"/readyz\"]: namespaced rules cannot apply to non-resource URLs")
    }

    @Test func aClusterRoleBindingToARole() throws {
        let message = try Self.error("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: b}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ↓Role, name: reader}
            subjects: [{kind: User, name: jane}]
            """)
        #expect(message == "roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"")
    }

    @Test func aServiceAccountSubjectOfAClusterRoleBindingNeedsANamespace() throws {
        let message = try Self.error("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: b}
            roleRef: {kind: ClusterRole, name: view}
            subjects:
            - ↓kind: ServiceAccount
              name: builder
            """)
        #expect(message == "subjects[0].namespace: Required value")
    }

    @Test func aClaimWithoutAccessModes() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            ↓spec:
              resources: {requests: {storage: 1Gi}}
            """)
        #expect(message == "spec.accessModes: Required value: at least 1 access mode is required")
    }

    @Test func aClaimTemplateWithoutAStorageRequest() throws {
        let message = try Self.error("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec: {containers: [{name: db, image: "postgres:17"}]}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  ↓resources: {requests: {}}
            """)
        #expect(message == "spec.volumeClaimTemplates[0].spec.resources[storage]: Required value")
    }

    @Test func anIngressClassControllerWithoutADomain() throws {
        let message = try Self.error("""
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: nginx}
            spec: {controller: ↓ingress-nginx}
            """)
        #expect(message == "spec.controller: Invalid value: \"ingress-nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")")
    }

    @Test func aUserPriorityAboveOneBillion() throws {
        let message = try Self.error("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: urgent}
            value: ↓1000000001
            """)
        #expect(message == "value: Forbidden: maximum allowed value of a user defined priority is 1000000000")
    }

    @Test func aSystemPriorityClassWithTheWrongValue() throws {
        let message = try Self.error("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: ↓system-node-critical}
            value: 1000
            """)
        #expect(message == "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000")
    }

    @Test func aStorageClassThatRecycles() throws {
        let message = try Self.error("""
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: fast}
            provisioner: ebs.csi.aws.com
            reclaimPolicy: ↓Recycle
            """)
        #expect(message == "reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"")
    }

    @Test func anExternalNameServiceWithClusterIPNone() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            spec: {type: ExternalName, externalName: db.example.com, clusterIP: ↓None}
            """)
        #expect(message == "spec.clusterIPs: Forbidden: may not be set for ExternalName services")
    }

    @Test func sourceRangesOnAClusterIPServiceUseTheAPIServersCapitalL() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              ↓loadBalancerSourceRanges: [10.0.0.0/8]
            """)
        #expect(message == "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'")
    }

    @Test func aLocalTrafficPolicyOnAClusterIPService() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              externalTrafficPolicy: ↓Local
            """)
        #expect(message == "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services")
    }

    @Test func aHeadlessNodePortServiceNamesTheClusterIPsField() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: NodePort
              clusterIP: ↓None
              selector: {app: web}
              ports: [{port: 80}]
            """)
        #expect(message == "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services")
    }

    @Test func aNamespaceFinalizerWithoutADomain() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            spec: {finalizers: [↓cleanup]}
            """)
        #expect(message == "spec.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified")
    }

    @Test func aPullSecretThatIsNotJSON() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Secret
            metadata: {name: registry}
            type: kubernetes.io/dockerconfigjson
            stringData:
              .dockerconfigjson: ↓"auths: {}"
            """)
        #expect(message == "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": invalid character 'a' looking for beginning of value")
    }

    @Test func removedAPIVersionsAreLeftToTheRemovedAPIRule() {
        let findings = Lint.run("""
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {app: web}}}
            """).filter { $0.rule == "invalid-pdb-spec" }
        #expect(findings.isEmpty)
    }
}
