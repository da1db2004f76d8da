import KubeModel
import KubeYAML

/// Container images referenced by tag rather than by digest.
package struct ImageNotPinnedByDigestRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "image-not-pinned-by-digest",
        name: "Image Not Pinned By Digest",
        summary: "A container image is referenced by tag, not by digest (@sha256:…)",
        rationale: """
            A tag can be moved to other content at any time, by the publisher or by whoever takes over the \
            registry account; a digest names exactly one image, so every node runs what was reviewed. Opt-in: \
            it needs a process that updates digests (Renovate, an admission controller that resolves tags), and \
            image-tag-latest already catches the tags that move by design.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["image-not-pinned-by-digest"], checkov: ["CKV_K8S_43"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - {name: web, image: ↓nginx:1.27}
            """
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
                image: "nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for container in pod.containerNodes {
                guard let node = container.image, let image = node.text, !image.isEmpty, !image.contains("@") else {
                    continue
                }
                sink.report(
                    pod.ref, at: node, "image \(FieldValue.quote(image)) is referenced by tag, not by digest",
                    hint: "append the digest the tag points at (image:tag@sha256:…)")
            }
        }
    }
}
