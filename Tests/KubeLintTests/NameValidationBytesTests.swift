import Foundation
import KubeLint
import KubeYAML
import Testing

/// The byte-level verdicts on scalar nodes (the rules' fast path) agree with the String validators that build
/// the messages, for valid and invalid keys and values alike.
struct NameValidationBytesTests {
    static let texts = [
        "app", "app.kubernetes.io/name", "example.com/", "/name", "a/b/c", "Under_score.Dot-dash", "-x", "x-", "UPPER.com/x",
        "", "a", "caf\u{E9}", "tier\u{E9}/x", "a b", "a\tb", "web/frontend", "example..com/x", "-example.com/x",
        "example.com-/x", "x.", ".x", "_x", "x_", String(repeating: "a", count: 63), String(repeating: "a", count: 64),
        String(repeating: "a", count: 250) + ".com/x", String(repeating: "a", count: 254) + "/x", "a/" + String(repeating: "b", count: 64),
        "1", "1.5.0", "true", "null", "\u{7F}x", "x\u{0}y",
    ]

    /// Each text as a double-quoted scalar of a sequence (escapes for the control characters).
    static func scalars() -> [YAMLNode] {
        let items = texts.map { text -> String in
            let escaped = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\x%02X", $0.value) : String($0) }
            return "- \"" + escaped.joined() + "\""
        }
        let document = YAMLLoader.load(text: items.joined(separator: "\n") + "\n", file: "names.yaml").documents.first
        return document.map { Array($0.root.items) } ?? []
    }

    @Test func qualifiedNameVerdictsAgree() {
        let nodes = Self.scalars()
        #expect(nodes.count == Self.texts.count)
        for node in nodes {
            #expect(node.isValidQualifiedNameScalar == NameValidation.qualifiedName(node.text ?? "").isEmpty, "\(node.text ?? "")")
        }
    }

    @Test func labelValueVerdictsAgree() {
        let nodes = Self.scalars()
        #expect(nodes.count == Self.texts.count)
        for node in nodes {
            #expect(node.isValidLabelValueScalar == NameValidation.labelValue(node.text ?? "").isEmpty, "\(node.text ?? "")")
        }
    }

    @Test func collectionsAreNeverValidNames() {
        let root = YAMLLoader.load(text: "a: {b: c}\n", file: "map.yaml").documents.first?.root
        #expect(root?.isValidQualifiedNameScalar == false)
        #expect(root?.isValidLabelValueScalar == false)
    }
}

/// invalid-object-name's fast path: a name it passes without asking the kind's rule is one every rule accepts.
struct ObjectNameFastPathTests {
    static let names = [
        "web", "app-0", "a", "web.example", "Web", "1web", "web-", "-web", "a--b", "web_1", "caf\u{E9}", "",
        String(repeating: "a", count: 52), String(repeating: "a", count: 53), String(repeating: "a", count: 64), "a b",
    ]

    @Test func namesPassedAreValidForEveryKind() {
        let text = Self.names.map { "- \"\($0)\"" }.joined(separator: "\n") + "\n"
        let nodes = YAMLLoader.load(text: text, file: "names.yaml").documents.first.map { Array($0.root.items) } ?? []
        #expect(nodes.count == Self.names.count)
        for node in nodes where ObjectNameRule.isValidForEveryKind(node) {
            let name = node.text ?? ""
            #expect(NameValidation.dns1035Label(name).isEmpty, "\(name)")
            #expect(NameValidation.dns1123Label(name).isEmpty, "\(name)")
            #expect(NameValidation.dns1123Subdomain(name).isEmpty, "\(name)")
            #expect(name.utf8.count <= 52, "\(name)")
        }
    }

    @Test func commonNamesTakeTheFastPath() {
        let nodes = YAMLLoader.load(text: "- web\n- app-0\n- team-12\n", file: "names.yaml").documents.first
            .map { Array($0.root.items) } ?? []
        #expect(nodes.count == 3)
        #expect(nodes.allSatisfy(ObjectNameRule.isValidForEveryKind))
    }
}
