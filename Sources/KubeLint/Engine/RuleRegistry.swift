/// Every rule kubec runs, in one literal list (no self-registration): the order is the catalogue's order.
package enum RuleRegistry {
    package static let all: [any Rule] = [
        // API server: metadata
        ObjectNameRule(),
        LabelSyntaxRule(),
        AnnotationSyntaxRule(),
        // API server: selectors and scheduling
        LabelSelectorRule(),
        NodeSelectorRule(),
        PodAffinityRule(),
        TopologySpreadRule(),
        TolerationRule(),
        // API server: containers
        ContainerNameRule(),
        ContainerPortRule(),
        ResourceRequirementsRule(),
        ProbeRule(),
        EnvVarRule(),
        VolumeMountRule(),
        // API server: workloads
        WorkloadSelectorRequiredRule(),
        WorkloadSelectorMismatchRule(),
        RestartPolicyRule(),
        DeploymentSpecRule(),
        DaemonSetSpecRule(),
        StatefulSetSpecRule(),
        JobSpecRule(),
        CronJobScheduleRule(),
        CronJobSpecRule(),
        // API server: networking
        ServiceSpecRule(),
        IngressSpecRule(),
        NetworkPolicySpecRule(),
        // Cross-resource
        ServiceSelectorMatchesNoPodRule(),
        ServiceTargetPortNotFoundRule(),
        IngressBackendNotFoundRule(),
        IngressClassNotFoundRule(),
        IngressRouteConflictRule(),
        NetworkPolicySelectsNoPodRule(),
        NetworkPolicyPeerMatchesNothingRule(),
        StatefulSetServiceRule(),
        HPATargetNotFoundRule(),
        PDBSelectsNoPodRule(),
        AffinitySelectorMatchesNoPodRule(),
        NodeSelectorMatchesNoNodeRule(),
        DuplicateObjectRule(),
        ServiceIPConflictRule(),
        ReferenceNotFoundRule(),
        // Best practice
        ImageTagRule(),
        ResourcesMissingRule(),
        ReadinessProbeMissingRule(),
        PrivilegedContainerRule(),
        PrivilegeEscalationRule(),
        RunAsRootRule(),
        HostNamespacesRule(),
        AmbiguousScalarRule(),
        // Best practice: RBAC
        ClusterAdminBindingRule(),
        RBACWildcardRule(),
        RBACSecretsAccessRule(),
        RBACCreatePodsRule(),
        RBACPodExecAttachRule(),
        RBACRoleRefNotFoundRule(),
        RBACSubjectNotFoundRule(),
        // Meta
        UnusedSuppressionRule(),
        // Pod Security admission and API-server warnings
        PodSecurityAdmissionRule(),
        APIWarningRule(),
    ]

    private static let byID: [String: RuleDescription] = {
        var table: [String: RuleDescription] = [:]
        for rule in all { table[rule.info.id] = rule.info }
        return table
    }()

    /// The description of a rule id, nil for ids that are not lint rules.
    package static func description(of id: String) -> RuleDescription? { byID[id] }
}
