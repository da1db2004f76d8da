import KubeModel
import KubeYAML
import Testing

/// Decoding never crashes: every block-style scalar field of the all-kinds fixture, replaced by a sequence or a
/// mapping, still decodes, and each replacement of a field the model reads is reported at that field.
@Suite struct RobustnessTests {
    /// The fixture with line `index`'s scalar value replaced by `replacement`, or nil when the line has none.
    static func variant(_ index: Int, _ replacement: String) -> String? {
        var lines = AllKindsFixture.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[index]
        guard let colon = line.range(of: ": "), !line.hasPrefix("apiVersion"), !line.hasPrefix("kind") else {
            return nil
        }
        let value = line[colon.upperBound...]
        guard let first = value.first, first != "{", first != "[", first != "|", first != "\"" || value.count > 1
        else { return nil }
        lines[index] = line[..<colon.upperBound] + replacement
        return lines.joined(separator: "\n")
    }

    static let lineCount = AllKindsFixture.text.split(separator: "\n", omittingEmptySubsequences: false).count

    @Test(arguments: ["[1, 2]", "{a: 1}", "true", "12.5"])
    func everyFieldWithAnotherTypeDecodesWithoutCrashing(_ replacement: String) {
        var variants = 0
        for index in 0..<Self.lineCount {
            guard let text = Self.variant(index, replacement) else { continue }
            variants += 1
            let set = decode(text)
            #expect(set.manifests.count >= 20, "line \(index + 1) with \(replacement)")
            for diagnostic in set.diagnostics where diagnostic.rule.hasPrefix("model-") {
                #expect(diagnostic.range != nil && diagnostic.path != nil, "line \(index + 1): \(diagnostic.message)")
            }
        }
        #expect(variants > 50)
    }

    @Test func replacedReplicasIsReportedOnItsLine() throws {
        let index = try #require(
            AllKindsFixture.text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("  replicas: 3") })
        let set = decode(try #require(Self.variant(index, "[1, 2]")))
        let diagnostic = try #require(set.diagnostics.first)
        #expect(diagnostic.range?.start.line == Int32(index + 1))
        #expect(diagnostic.path == "spec.replicas")
    }
}
