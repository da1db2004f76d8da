import Foundation
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct LoaderRobustnessTests {
    @Test func duplicateKeysAreReportedAtTheSecondKeyWithANoteAtTheFirst() throws {
        let source = MarkedSource("""
            metadata:
              name: a
              labels: {}
              ↓name: b
            """)
        let result = YAMLLoader.load(text: source.text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.rule == YAMLRuleID.duplicateKey)
        #expect(diagnostic.range?.start == source.locations[0])
        #expect(diagnostic.notes.first?.range?.start == SourceLocation(line: 2, column: 3))
        // The document is kept, and the last value wins as in sigs.k8s.io/yaml.
        #expect(result.documents.first?.root["metadata"]?["name"]?.text == "b")
    }

    @Test func duplicateKeysInLargeMappingsAreFoundToo() throws {
        var text = ""
        for index in 0..<40 { text += "k\(index): \(index)\n" }
        text += "k7: again\n"
        let result = YAMLLoader.load(text: text)
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.duplicateKey])
        #expect(result.diagnostics.first?.range?.start.line == 41)
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var result = YAMLLoadResult()
        let elapsed = clock.measure { result = YAMLLoader.load(text: text) }
        #expect(result.diagnostics.map(\.rule).contains(YAMLRuleID.aliasExpansion))
        #expect(result.documents.isEmpty)
        #expect(elapsed < .milliseconds(200))
    }

    @Test func deepNestingIsRejectedWithoutOverflowingTheStack() throws {
        let depth = 10_000
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\nb: 1\n"
        let result = YAMLLoader.load(text: text)
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.depth])
        #expect(result.documents.count == 1)
        #expect(result.documents.first?.root["b"]?.int == 1)
    }

    @Test func aSyntaxErrorCostsOnlyItsDocument() throws {
        let text = "a: 1\n---\nb: [1, 2\nc: d\n---\ne: 5\n"
        let result = YAMLLoader.load(text: text)
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.syntax])
        #expect(result.documents.map { $0.root.pairs.first?.key.text } == ["a", "e"])
        #expect(result.documents.last?.root["e"]?.location == SourceLocation(line: 6, column: 4))
    }

    @Test func aSyntaxErrorInOneFileStillLoadsTheNext() throws {
        let bad = SourceFile(path: "bad.yaml", text: "a: 'unterminated\n")
        let good = SourceFile(path: "good.yaml", text: "kind: Service\n")
        let result = YAMLLoader.load([bad, good])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.range?.file == "bad.yaml")
        #expect(result.documents.map(\.file) == ["good.yaml"])
    }

    @Test func unknownAliasIsReported() {
        let result = YAMLLoader.load(text: "a: *nope\n")
        #expect(result.diagnostics.map(\.rule) == [YAMLRuleID.unknownAnchor])
    }

    @Test func anchorsAliasesAndMergeKeysResolve() throws {
        let text = """
            base: &base {cpu: 100m, memory: 64Mi}
            limits:
              <<: *base
              memory: 128Mi
            copy: *base
            """
        let root = try #require(YAMLLoader.load(text: text).documents.first?.root)
        #expect(root["limits"]?["cpu"]?.text == "100m")
        #expect(root["limits"]?["memory"]?.text == "128Mi")
        #expect(root["limits"]?.count == 2)
        #expect(root["copy"]?["memory"]?.text == "64Mi")
    }

    @Test func invalidUTF8IsAnEncodingError() {
        let file = SourceFile(path: "x.yaml", bytes: Array("a: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8))
        let result = YAMLLoader.load([file])
        #expect(result.diagnostics.first?.rule == YAMLRuleID.notUTF8)
    }

    @Test func emptyDocumentsAreSkipped() {
        let result = YAMLLoader.load(text: "---\n---\na: 1\n---\n")
        #expect(result.documents.count == 1)
    }

    @Test func listDocumentsAreSplitIntoItemsKeepingPositions() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - kind: Service
              metadata: {name: a}
            - kind: ConfigMap
              metadata: {name: b}
            """
        let result = YAMLLoader.load(text: text)
        #expect(result.documents.map { $0.root["kind"]?.text } == ["Service", "ConfigMap"])
        #expect(result.documents[1].listItem == 1)
        #expect(result.documents[1].root.location == SourceLocation(line: 6, column: 3))
    }

    @Test func jsonFilesLoadWithPositions() throws {
        let text = "{\n  \"kind\": \"Service\",\n  \"spec\": {\"ports\": [{\"port\": 80}]}\n}\n"
        let root = try #require(YAMLLoader.load(text: text, file: "s.json").documents.first?.root)
        #expect(root["kind"]?.string == "Service")
        #expect(root["spec"]?["ports"]?.items.first?["port"]?.int == 80)
        #expect(root["kind"]?.location == SourceLocation(line: 2, column: 11))
    }

    @Test func directoriesAreWalkedSortedForYAMLAndJSONOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["b.yaml", "a.yml", "sub/c.json", "notes.txt"] {
            try "a: 1\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (inputs, diagnostics) = InputCollector.collect([dir.path])
        #expect(diagnostics.isEmpty)
        #expect(inputs == ["a.yml", "b.yaml", "sub/c.json"].map { .file(dir.path + "/" + $0) })
    }

    @Test func aMissingPathIsAnUnreadableInput() {
        let (inputs, diagnostics) = InputCollector.collect(["/nonexistent/kubec"])
        #expect(inputs.isEmpty)
        #expect(diagnostics.map(\.rule) == [YAMLRuleID.unreadable])
    }
}
