import KubeYAML

/// `v1.Volume`: its name and, for the sources that reference other objects, what they reference.
package struct Volume: Sendable, KubeDecodable {
    /// The volume source kinds kubec distinguishes; everything else is `.other` with its key.
    package enum Source: Sendable, Hashable {
        case configMap(name: String, optional: Bool)
        case secret(secretName: String, optional: Bool)
        case persistentVolumeClaim(claimName: String, readOnly: Bool)
        case emptyDir
        case hostPath(path: String)
        /// `projected` with the ConfigMaps and Secrets it projects.
        case projected(configMaps: [String], secrets: [String])
        case other(String)
        case none
    }

    package var node: YAMLNode?
    package var name: String
    package var source: Source

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        if let configMap = context.mapping(node, "configMap") {
            source = .configMap(
                name: context.string(configMap, "name") ?? "",
                optional: context.bool(configMap, "optional") ?? false)
        } else if let secret = context.mapping(node, "secret") {
            source = .secret(
                secretName: context.string(secret, "secretName") ?? "",
                optional: context.bool(secret, "optional") ?? false)
        } else if let claim = context.mapping(node, "persistentVolumeClaim") {
            source = .persistentVolumeClaim(
                claimName: context.string(claim, "claimName") ?? "",
                readOnly: context.bool(claim, "readOnly") ?? false)
        } else if node["emptyDir"] != nil {
            source = .emptyDir
        } else if let hostPath = context.mapping(node, "hostPath") {
            source = .hostPath(path: context.string(hostPath, "path") ?? "")
        } else if let projected = context.mapping(node, "projected") {
            var configMaps: [String] = []
            var secrets: [String] = []
            for item in context.sequence(projected, "sources").map(Array.init) ?? [] {
                if let ref = item["configMap"], let name = context.string(ref, "name") { configMaps.append(name) }
                if let ref = item["secret"], let name = context.string(ref, "name") { secrets.append(name) }
            }
            source = .projected(configMaps: configMaps, secrets: secrets)
        } else {
            let other = node.pairs.first { $0.key.text != "name" }?.key.text
            source = other.map { .other($0) } ?? .none
        }
    }
}
