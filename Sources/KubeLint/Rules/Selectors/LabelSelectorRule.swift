import KubeModel
import KubeYAML

/// Label selector requirements: operators, values per operator, key and value syntax.
package struct LabelSelectorRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-label-selector",
        name: "Invalid Label Selector",
        summary: "In/NotIn need values, Exists/DoesNotExist take none, operators and keys are valid",
        rationale: "The API server rejects the selector; an unknown operator would otherwise match nothing at all.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
            spec:
              podSelector:
                matchExpressions:
                - ↓{key: tier, operator: In}
                - key: app
                  operator: Exists
                  values: ↓[db]
                - key: role
                  operator: ↓Equals
                  values: [primary]
            """,
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: ↓web/frontend
            """,
        ],
        nonTriggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app: web}
                matchExpressions:
                - {key: tier, operator: NotIn, values: [db, cache]}
                - {key: canary, operator: DoesNotExist}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // Only the kinds that carry selectors: most objects of an input (ConfigMaps, Services) have none.
        for kind in SelectorSites.selectorKinds {
            for object in context.objects(ofKind: kind) where !object.isGeneric {
                SelectorSites.forEachObjectSelector(object.spec, kind: kind) { selector in
                    SelectorValidation.labelSelector(selector, object, &sink)
                }
            }
        }
        for entry in context.pods {
            let spec = entry.podSpec
            SelectorSites.forEachPodAffinityTerm(spec) { term, _ in
                if let selector = term["labelSelector"] { SelectorValidation.labelSelector(selector, entry.ref, &sink) }
                if let selector = term["namespaceSelector"] {
                    SelectorValidation.labelSelector(selector, entry.ref, &sink)
                }
            }
            guard let constraints = spec.topologySpreadConstraints else { continue }
            for constraint in constraints.items {
                if let selector = constraint["labelSelector"] {
                    SelectorValidation.labelSelector(selector, entry.ref, &sink)
                }
            }
        }
    }
}
