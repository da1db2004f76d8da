import Foundation
import KubeModel
import KubeYAML

/// The certificates and keys of the input's `kubernetes.io/tls` Secrets, as files nginx reads.
///
/// ingress-nginx reads `tls.crt` and `tls.key` from the Secret named by `spec.tls[].secretName`; the generated
/// nginx.conf reads `TLS_DIR/NAMESPACE/SECRET/tls.crt` and `tls.key`. When the Cluster's `ingress.tlsDirectory`
/// is relative (to nginx's prefix, the `ingress/` output folder), `compile` writes them there, the keys with
/// mode 0600; when it is absolute, the files are the operator's to provide and only their presence in the input
/// is checked. A Secret whose data does not decode is a warning and is treated as missing.
package enum NginxTLSFiles {
    /// What the Secrets give: files to write (relative to the output folder), the `namespace/name` of every
    /// usable TLS Secret, and findings.
    package static func collect(_ set: ManifestSet, tlsDirectory: String) -> (
        files: [OutputFile], available: Set<String>, diagnostics: [Diagnostic]
    ) {
        var files: [OutputFile] = []
        var available = Set<String>()
        var diagnostics: [Diagnostic] = []
        let writes =
            !tlsDirectory.hasPrefix("/") && !tlsDirectory.isEmpty
            && !tlsDirectory.split(separator: "/").contains("..")
        for manifest in set.manifests where manifest.identity.kind == "Secret" && manifest.identity.group.isEmpty {
            let root = manifest.node
            guard root["type"]?.text == "kubernetes.io/tls" else { continue }
            let namespace = manifest.identity.namespace ?? "default"
            let name = manifest.identity.name
            guard let certificate = value(root, "tls.crt"), let key = value(root, "tls.key") else {
                diagnostics.append(
                    Diagnostic(
                        rule: NginxRuleID.tlsSecretMissing, severity: .warning,
                        message:
                            "Secret \(namespace)/\(name): tls.crt or tls.key is missing or not base64; not used for TLS",
                        range: root.range, object: manifest.identity.objectIdentity))
                continue
            }
            // A name that is not a DNS subdomain never becomes a path, nor a certificate nginx.conf points at.
            guard IngressInputRules.isSubdomain(name), IngressInputRules.isSubdomain(namespace) else { continue }
            available.insert("\(namespace)/\(name)")
            guard writes else { continue }
            let folder = "ingress/\(tlsDirectory)/\(namespace)/\(name)"
            files.append(OutputFile(path: folder + "/tls.crt", contents: certificate))
            var keyFile = OutputFile(path: folder + "/tls.key", contents: key)
            keyFile.permissions = 0o600
            files.append(keyFile)
        }
        return (files, available, diagnostics)
    }

    /// The bytes of `data[key]` (base64) or `stringData[key]` (text, which wins as the API server merges it).
    private static func value(_ root: YAMLNode, _ key: String) -> [UInt8]? {
        if let text = root["stringData"]?[key]?.text { return Array(text.utf8) }
        guard let encoded = root["data"]?[key]?.text,
            let decoded = Data(base64Encoded: encoded.filter { !$0.isWhitespace }), !decoded.isEmpty
        else { return nil }
        return Array(decoded)
    }
}
