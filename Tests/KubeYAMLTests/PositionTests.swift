import KubeTestSupport
import KubeYAML
import Testing

@Suite struct PositionTests {
    private func root(_ text: String) throws -> YAMLNode {
        let result = YAMLLoader.load(text: text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.documents.first).root
    }

    @Test func mappingKeysAndValuesKnowTheirLineAndColumn() throws {
        let source = MarkedSource("""
            apiVersion: v1
            kind: Service
            metadata:
              ↓name: ↓web
            """)
        let node = try root(source.text)
        let pair = try #require(node["metadata"]?.pair(forKey: "name"))
        #expect(pair.key.location == source.locations[0])
        #expect(pair.value.location == source.locations[1])
        #expect(pair.value.span.end == SourceLocation(line: 4, column: 12))
    }

    /// A block mapping ends where libyaml closes it: at the first token of the line that is not indented in it.
    @Test func aNestedMappingEndsWhereTheNextKeyStarts() throws {
        let node = try root("metadata:\n  name: web\n  labels: {app: web}\nspec: {}\n")
        let metadata = try #require(node["metadata"])
        #expect(metadata.span == SourceSpan(start: SourceLocation(line: 2, column: 3), end: SourceLocation(line: 4, column: 1)))
        #expect(metadata["labels"]?.span.end == SourceLocation(line: 3, column: 21))
    }

    @Test func sequenceItemsKnowTheirPositions() throws {
        let source = MarkedSource("""
            ports:
            - ↓port: 80
            - ↓port: 443
            """)
        let ports = try #require(try root(source.text)["ports"])
        #expect(ports.items.map(\.location) == source.locations)
    }

    @Test func flowCollectionsKnowTheirPositions() throws {
        let source = MarkedSource("""
            labels: ↓{app: ↓web, tier: front}
            args: [a, ↓b]
            """)
        let node = try root(source.text)
        let labels = try #require(node["labels"])
        #expect(labels.isFlow)
        #expect(labels.location == source.locations[0])
        #expect(labels["app"]?.location == source.locations[1])
        #expect(node["args"]?.items[1].location == source.locations[2])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let source = MarkedSource("""
            description: "héllo wörld"
            name: ↓x
            note: "日本" ; ↓y
            """.replacingOccurrences(of: " ; ", with: "\nother: "))
        let node = try root(source.text)
        #expect(node["name"]?.location == source.locations[0])
        #expect(node["other"]?.location == source.locations[1])
    }

    @Test func positionsAfterASecondDocumentCountFromTheFileStart() throws {
        let source = MarkedSource("""
            a: 1
            ---
            b: ↓2
            """)
        let result = YAMLLoader.load(text: source.text)
        #expect(result.documents.count == 2)
        #expect(result.documents[1].root["b"]?.location == source.locations[0])
        #expect(result.documents[1].index == 1)
    }
}

import Foundation
