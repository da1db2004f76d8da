import KubeModel
import KubeYAML

/// StorageClasses (`ValidateStorageClass`, storage.k8s.io/v1): the provisioner is a qualified name,
/// parameters fit in 256 KiB, and reclaimPolicy and volumeBindingMode are known values.
package struct StorageClassRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-storageclass",
        name: "Invalid StorageClass",
        summary: "StorageClass provisioner is set and qualified; reclaimPolicy is Delete or Retain; volumeBindingMode is known",
        rationale: "The API server refuses the StorageClass; Recycle is a PersistentVolume policy, not a StorageClass one.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: ↓ebs csi driver
            reclaimPolicy: ↓Recycle
            volumeBindingMode: ↓WaitForConsumer
            """,
            """
            apiVersion: storage.k8s.io/v1
            ↓kind: StorageClass
            metadata:
              name: fast
            """,
        ],
        nonTriggering: [
            """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: fast
            provisioner: ebs.csi.aws.com
            reclaimPolicy: Retain
            volumeBindingMode: WaitForFirstConsumer
            parameters: {type: gp3}
            """,
        ])

    /// `--kubernetes-version`'s minor number: the size errors' wording changed in 1.32.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> StorageClassRule {
        StorageClassRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The minor version whose API server wording the findings use.
    private func minor(_ context: LintContext) -> Int {
        EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? PodSecurityRegistry.newestMinor
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("StorageClass", ["storage.k8s.io/v1"]) {
            let root = object.node
            let provisioner = APIServerChecks.text(root, "provisioner") ?? ""
            if provisioner.isEmpty {
                sink.fieldError(object, at: root["provisioner"] ?? root.pair(forKey: "kind")?.key, path: "provisioner",
                                .required(""), hint: "name the volume plugin or CSI driver, such as ebs.csi.aws.com")
            } else {
                for error in NameValidation.qualifiedName(provisioner.lowercased()) {
                    sink.fieldError(object, at: root["provisioner"], .invalid(.string(provisioner), error))
                }
            }
            if let parameters = root["parameters"], parameters.isMapping {
                var total = 0
                for (key, value) in parameters.pairs {
                    total += (key.text?.utf8.count ?? 0) + (value.text?.utf8.count ?? 0)
                }
                if parameters.count > 512 {
                    sink.fieldError(object, at: parameters, APIServerChecks.tooLong(512, minor: minor(context)))
                } else if total > 256 * 1024 {
                    sink.fieldError(object, at: parameters, APIServerChecks.tooLong(256 * 1024, minor: minor(context)))
                }
            }
            // An empty reclaimPolicy is defaulted to Delete; an empty volumeBindingMode is refused.
            if let policy = APIServerChecks.text(root, "reclaimPolicy"), !policy.isEmpty {
                SpecChecks.oneOf(root, "reclaimPolicy", ["Delete", "Retain"], object, &sink)
            }
            SpecChecks.oneOf(root, "volumeBindingMode", ["Immediate", "WaitForFirstConsumer"], object, &sink)
        }
    }
}
