import KubeYAML

/// JSON documents held in string fields (Grafana dashboards in ConfigMaps, policies, `kubectl.kubernetes.io`
/// annotations), parsed so that a change inside reads as field changes rather than one 40 KB "string changed".
///
/// Only a string whose first non-blank character opens a JSON object or array is tried, and only when both
/// sides parse cleanly (JSON is YAML, so the project's loader reads it); anything else stays a string change,
/// which the text report shows as a line diff when it spans lines. Paths continue below the field
/// (`data["dash.json"].panels[2].title`); positions are the string's own.
enum EmbeddedJSON {
    /// Strings shorter than this are shown whole: a diff inside would be no shorter.
    static let minimumLength = 64

    /// Both sides' parsed roots, or nil when either is not a JSON object or array.
    static func trees(_ old: YAMLNode, _ new: YAMLNode) -> (old: YAMLNode, new: YAMLNode)? {
        guard old.scalarType == .string, new.scalarType == .string, let oldText = old.text, let newText = new.text,
            oldText.utf8.count >= minimumLength || newText.utf8.count >= minimumLength,
            opensJSON(oldText), opensJSON(newText),
            let oldRoot = parse(oldText, file: old.file), let newRoot = parse(newText, file: new.file)
        else { return nil }
        return (oldRoot, newRoot)
    }

    private static func opensJSON(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    private static func parse(_ text: String, file: String) -> YAMLNode? {
        let loaded = YAMLLoader.load(text: text, file: file)
        guard loaded.diagnostics.isEmpty, loaded.documents.count == 1, let root = loaded.documents.first?.root,
            !root.isScalar
        else { return nil }
        return root
    }
}
