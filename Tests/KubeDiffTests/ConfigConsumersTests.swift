import KubeDiff
import KubeYAML
import Testing

@Suite("Readers of a changed ConfigMap or Secret")
struct ConfigConsumersTests {
    static func config(_ value: String) -> String {
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {level: \(value)}\n"
    }

    static func workload(_ name: String, podSpec: String, image: String = "a:1") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          selector: {matchLabels: {app: \(name)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec:
              containers:
              - name: main
                image: \(image)
        \(podSpec)
        """
    }

    static let envReader = workload("env-reader", podSpec: "        envFrom: [{configMapRef: {name: settings}}]")
    static let volumeReader = workload(
        "volume-reader",
        podSpec:
            "        volumeMounts: [{name: cfg, mountPath: /etc/cfg}]\n      volumes: [{name: cfg, configMap: {name: settings}}]"
    )
    static let subPathReader = workload(
        "subpath-reader",
        podSpec:
            "        volumeMounts: [{name: cfg, mountPath: /etc/app.conf, subPath: level}]\n      volumes: [{name: cfg, configMap: {name: settings}}]"
    )

    static func findings(old: String, new: String) -> [Diagnostic] {
        DiffFixture.diff(old, new).objects.first { $0.identity.kind == "ConfigMap" }?.findings ?? []
    }

    @Test func environmentReadersAreWarnedThatNothingRestarts() {
        let findings = Self.findings(
            old: Self.config("info") + "---\n" + Self.envReader, new: Self.config("debug") + "---\n" + Self.envReader)
        #expect(findings.map(\.severity) == [.warning])
        #expect(
            findings.first?.message.hasPrefix(
                "Deployment shop/env-reader reads this ConfigMap into environment variables") == true)
        #expect(findings.first?.rule == "diff-config-consumers")
    }

    @Test func subPathMountsAreWarnedAndVolumesNoted() {
        let readers = Self.volumeReader + "\n---\n" + Self.subPathReader
        let findings = Self.findings(
            old: Self.config("info") + "---\n" + readers, new: Self.config("debug") + "---\n" + readers)
        #expect(findings.map(\.severity) == [.warning, .info])
        #expect(findings.first?.message.contains("subpath-reader mounts this ConfigMap with subPath") == true)
    }

    @Test func readersThatRollOutAnywayAreNotMentioned() {
        let newReader = Self.workload(
            "env-reader", podSpec: "        envFrom: [{configMapRef: {name: settings}}]", image: "a:2")
        let findings = Self.findings(
            old: Self.config("info") + "---\n" + Self.envReader, new: Self.config("debug") + "---\n" + newReader)
        #expect(findings.isEmpty)
    }

    @Test func readersInAnotherNamespaceAreNotMentioned() {
        let other = Self.envReader.replacingOccurrences(of: "namespace: shop", with: "namespace: other")
        #expect(
            Self.findings(old: Self.config("info") + "---\n" + other, new: Self.config("debug") + "---\n" + other)
                .isEmpty)
    }
}
