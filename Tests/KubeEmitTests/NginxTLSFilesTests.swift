import KubeModel
import KubeYAML
import Testing

@testable import KubeEmit

/// The certificates and keys of `kubernetes.io/tls` Secrets that compile writes beside nginx.conf.
struct NginxTLSFilesTests {
    static func secret(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Secret
        type: kubernetes.io/tls
        metadata: {name: "\(name)", namespace: web}
        data: {tls.crt: Y2VydA==, tls.key: a2V5}
        """
    }

    @Test func aValidSecretIsWrittenWithAPrivateKey() {
        let set = ManifestSet.decode(YAMLLoader.load(text: Self.secret("site-tls"), file: "in.yaml"))
        let result = NginxTLSFiles.collect(set, tlsDirectory: "tls")
        #expect(result.available == ["web/site-tls"])
        #expect(result.files.map(\.path) == ["ingress/tls/web/site-tls/tls.crt", "ingress/tls/web/site-tls/tls.key"])
        #expect(result.files.last?.permissions == 0o600)
    }

    @Test func aSecretNameThatIsNotASubdomainIsNeitherWrittenNorReferenced() {
        let set = ManifestSet.decode(YAMLLoader.load(text: Self.secret("Bad_Name"), file: "in.yaml"))
        let result = NginxTLSFiles.collect(set, tlsDirectory: "tls")
        #expect(result.files.isEmpty)
        #expect(result.available.isEmpty)
    }
}
