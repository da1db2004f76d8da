import KubeModel
import KubeYAML

/// ServiceAccount, ConfigMap, Secret and PersistentVolumeClaim references that the input does not define.
///
/// Info only: such objects are often created elsewhere (by a controller, a secret manager, another repo).
/// References marked `optional: true` are skipped.
package struct ReferenceNotFoundRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "reference-not-found",
        name: "Reference Not Found",
        summary: "A ServiceAccount, ConfigMap, Secret or PVC a pod or Ingress uses is not in the input",
        rationale: "Pods wait in ContainerCreating (volumes) or CreateContainerConfigError (env) until it exists; often it lives elsewhere, hence info.",
        kind: .crossResource, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["env-value-from"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              serviceAccountName: ↓web
              volumes:
              - {name: config, configMap: {name: ↓web-config}}
              - {name: data, persistentVolumeClaim: {claimName: ↓web-data}}
              containers:
              - name: web
                image: nginx:1.27
                envFrom: [{secretRef: {name: ↓web-env}}]
                env:
                - name: TOKEN
                  valueFrom: {secretKeyRef: {name: ↓api-token, key: token}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              serviceAccountName: default
              volumes:
              - {name: config, configMap: {name: web-config}}
              - {name: extra, secret: {secretName: extra, optional: true}}
              containers:
              - name: web
                image: nginx:1.27
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let accountNamespaces = ServiceAccountNotFoundRule.populatedNamespaces(context)
        for entry in context.pods {
            var references: [(kind: String, node: YAMLNode)] = []
            let spec = entry.podSpec
            // In a namespace whose ServiceAccounts the input holds, service-account-not-found reports it (warning).
            if let account = spec.serviceAccountName ?? spec.serviceAccount, account.text != "default",
                !accountNamespaces.contains(entry.namespace)
            {
                references.append(("ServiceAccount", account))
            }
            for volume in spec.volumes?.sequenceItems ?? [] {
                if let source = volume["configMap"], !isOptional(source), let name = source["name"] {
                    references.append(("ConfigMap", name))
                }
                if let source = volume["secret"], !isOptional(source), let name = source["secretName"] {
                    references.append(("Secret", name))
                }
                if let name = volume["persistentVolumeClaim"]?["claimName"] {
                    references.append(("PersistentVolumeClaim", name))
                }
                for projected in volume["projected"]?["sources"]?.sequenceItems ?? [] {
                    if let source = projected["configMap"], !isOptional(source), let name = source["name"] {
                        references.append(("ConfigMap", name))
                    }
                    if let source = projected["secret"], !isOptional(source), let name = source["name"] {
                        references.append(("Secret", name))
                    }
                }
            }
            for secret in spec.imagePullSecrets?.sequenceItems ?? [] {
                if let name = secret["name"] { references.append(("Secret", name)) }
            }
            for container in entry.containerNodes {
                for source in container.envFrom?.sequenceItems ?? [] {
                    if let ref = source["configMapRef"], !isOptional(ref), let name = ref["name"] { references.append(("ConfigMap", name)) }
                    if let ref = source["secretRef"], !isOptional(ref), let name = ref["name"] { references.append(("Secret", name)) }
                }
                for variable in container.env?.sequenceItems ?? [] {
                    if let ref = variable["valueFrom"]?["configMapKeyRef"], !isOptional(ref), let name = ref["name"] {
                        references.append(("ConfigMap", name))
                    }
                    if let ref = variable["valueFrom"]?["secretKeyRef"], !isOptional(ref), let name = ref["name"] {
                        references.append(("Secret", name))
                    }
                }
            }
            report(references, entry.ref, context, &sink)
        }
        for object in context.objects(ofKind: "Ingress") {
            let names = (object.spec?["tls"]?.sequenceItems ?? []).compactMap { $0["secretName"] }
            report(names.map { ("Secret", $0) }, object, context, &sink)
        }
    }

    private func isOptional(_ reference: YAMLNode) -> Bool { reference["optional"]?.bool == true }

    private func report(_ references: [(kind: String, node: YAMLNode)], _ object: ObjectRef, _ context: LintContext,
                        _ sink: inout FindingSink) {
        for (kind, node) in references {
            guard let name = node.text, !name.isEmpty,
                  context.object(kind: kind, namespace: object.namespace, name: name) == nil else { continue }
            if kind == "PersistentVolumeClaim", isClaimTemplate(name, object) { continue }
            sink.report(object, at: node, "\(kind) \(FieldValue.quote(name)) is not in namespace \(object.namespace) in the input",
                        hint: "fine if it is created elsewhere; otherwise add it or fix the name")
        }
    }

    /// A claim a StatefulSet's volumeClaimTemplates creates (`<template>-<set>-<ordinal>`).
    private func isClaimTemplate(_ name: String, _ object: ObjectRef) -> Bool {
        guard case .statefulSet(let set) = object.kubeObject else { return false }
        return set.spec.volumeClaimTemplates.contains {
            name == $0.metadata.name || name.hasPrefix("\($0.metadata.name)-\(set.metadata.name)-")
        }
    }
}
