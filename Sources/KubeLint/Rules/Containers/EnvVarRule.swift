import KubeModel
import KubeYAML

/// Environment variables: valid names, `value` XOR `valueFrom`, exactly one `valueFrom` source; a name set
/// twice in one container is a warning (the last one wins silently).
package struct EnvVarRule: Rule {
    static let sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"]

    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-env-var",
        name: "Invalid Environment Variable",
        summary: "Env vars have valid names, value or valueFrom (not both), one valueFrom source; no duplicates",
        rationale: "The API server rejects malformed entries; a duplicated name silently keeps only the last value.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(kubeLinter: ["duplicate-env-var"], kubeScore: ["environment-variable-key-duplication"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                env:
                - name: ↓MODE=fast
                  value: "1"
                - name: TOKEN
                  value: abc
                  valueFrom: ↓{secretKeyRef: {name: web, key: token}}
                - name: BOTH
                  valueFrom:
                    ↓configMapKeyRef: {name: web, key: a}
                    secretKeyRef: {name: web, key: b}
                - name: NONE
                  valueFrom: ↓{}
                - name: ↓TOKEN
                  value: def
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                env:
                - {name: MODE, value: fast}
                - name: POD_IP
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
                - name: my.setting-1
                  valueFrom: {configMapKeyRef: {name: web, key: setting}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.containerNodes {
                var seen = SmallSet<String>()
                for variable in container.env?.sequenceItems ?? [] where variable.isMapping {
                    check(variable, entry.ref, &seen, &sink)
                }
            }
        }
    }

    private func check(_ variable: YAMLNode, _ object: ObjectRef, _ seen: inout SmallSet<String>, _ sink: inout FindingSink) {
        let nameNode = variable["name"]
        let name = nameNode?.text ?? ""
        if name.isEmpty {
            sink.fieldError(object, at: nameNode ?? variable.pairs.first?.key ?? variable, pathOf: nameNode ?? variable,
                            missingKey: nameNode == nil ? "name" : nil, .required(""))
        } else if let nameNode {
            for error in NameValidation.environmentVariableName(name) {
                sink.fieldError(object, at: nameNode, .invalid(.string(name), error))
            }
            if !seen.insert(name).inserted {
                sink.fieldError(object, at: nameNode, .duplicate(.string(name)), hint: "only the last definition takes effect",
                                severity: .warning)
            }
        }
        guard let from = variable["valueFrom"], !from.isNull else { return }
        if let value = variable["value"]?.text, !value.isEmpty {
            sink.fieldError(object, at: from, .invalid(.string(""), "may not be specified when `value` is not empty"))
            return
        }
        let present = from.pairs.filter { Self.sources.contains($0.key.text ?? "") && !$0.value.isNull }
        if present.isEmpty {
            sink.fieldError(object, at: from, .invalid(
                .string(""), "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))
        } else if present.count > 1 {
            sink.fieldError(object, at: present[0].key, pathOf: from,
                            .invalid(.string(""), "may not have more than one field specified at a time"))
        }
    }
}
