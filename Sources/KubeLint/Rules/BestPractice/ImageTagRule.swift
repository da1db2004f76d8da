import KubeModel
import KubeYAML

/// Container images without a tag, or tagged `latest`, and no digest.
package struct ImageTagRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "image-tag-latest",
        name: "Image Tag Latest",
        summary: "A container image has no tag or the tag latest (and no digest)",
        rationale: "The image changes under the same name: rollouts are not reproducible and rollbacks may not roll back.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["latest-tag"], kubeScore: ["container-image-tag"], polaris: ["tagNotSpecified"], checkov: ["CKV_K8S_14"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - {name: web, image: ↓nginx}
              - {name: proxy, image: ↓"registry.example.com:5000/envoy:latest"}
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
              - {name: web, image: "nginx:1.27.2"}
              - {name: proxy, image: "registry.example.com:5000/envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
            """,
        ])

    /// The tag of an image reference; nil when it has none. A digest counts as pinned (returns `@`).
    static func tag(of image: String) -> String? {
        let bytes = image.utf8
        if bytes.contains(UInt8(ascii: "@")) { return "@" }
        let segment = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        guard let colon = segment.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        return String(Substring(segment[segment.index(after: colon)...]))
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.containerNodes {
                guard let node = container.image, let image = node.text, !image.isEmpty else { continue }
                switch Self.tag(of: image) {
                case nil:
                    sink.report(entry.ref, at: node, "image \(FieldValue.quote(image)) has no tag, so it means :latest",
                                hint: "pin a version tag or a digest")
                case "latest":
                    sink.report(entry.ref, at: node, "image \(FieldValue.quote(image)) uses the tag latest",
                                hint: "pin a version tag or a digest")
                default:
                    continue
                }
            }
        }
    }
}
