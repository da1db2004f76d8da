import KubeEmit
import KubeModel
import KubePlan
import KubeYAML
import Testing

/// Emitter findings about one field point at that field, not at the object's first line.
struct EmitterFindingPositionTests {
    static func compile(_ text: String) -> [Diagnostic] {
        let set = ManifestSet.decode(YAMLLoader.load(text: text, file: "in.yaml"))
        return CompileOutputs.emit(Compilation.resolve(set)).diagnostics
    }

    @Test func aSnippetAnnotationFindingPointsAtTheAnnotation() {
        let diagnostics = Self.compile("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: ing
              annotations:
                nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers x;"
            spec:
              rules:
              - host: a.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}
            """)
        let finding = diagnostics.first { $0.rule == "nginx-snippet-refused" }
        #expect(finding?.range?.start == KubeYAML.SourceLocation(line: 6, column: 5))
    }

    @Test func anExternalNameFindingPointsAtTheField() {
        let diagnostics = Self.compile("""
            apiVersion: v1
            kind: Service
            metadata: {name: ext}
            spec:
              type: ExternalName
              externalName: "bad name!"
            """)
        let finding = diagnostics.first { $0.rule == DNSRuleID.invalidExternalName }
        #expect(finding?.range?.start == KubeYAML.SourceLocation(line: 6, column: 17))
    }
}
