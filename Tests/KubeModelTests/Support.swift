import KubeModel
import KubeYAML

/// Loads and decodes YAML text.
func decode(_ text: String, file: String = "test.yaml") -> ManifestSet {
    ManifestSet.decode(YAMLLoader.load(text: text, file: file))
}

/// The only typed object of a text, or nil.
func object(_ text: String) -> KubeObject? {
    decode(text).manifests.first?.object
}
