import Foundation
import KubeModel
import KubeSchema
import KubeTestSupport
import Testing

/// The binary stores the nodes of every version pooled (each distinct node once); these tests read every version
/// back from the pool and walk it in step with the version's own generated file, `schemas/kubernetes-1.NN.json`.
@Suite struct BundledSchemaPoolTests {
    @Test(arguments: BundledSchemas.versions)
    func everyKindOfAVersionReadsBackAsItsOwnFileDescribesIt(_ version: String) throws {
        let path = RepositoryPaths.root + "/schemas/kubernetes-\(version).json"
        let file = try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).get()
        let nodes = try #require(file["nodes"]?.array)
        let kinds = try #require(file["kinds"]?.array)
        var table = try #require(BundledSchemas.table(for: version)).get()
        #expect(table.materializeAll() == 0)
        #expect(table.kinds.count == kinds.count)
        var pairs: [(file: Int32, pool: Int32)] = []
        for entry in kinds {
            let parts = try #require(entry.array)
            let key = KindKey(apiVersion: parts[0].string ?? "", kind: parts[1].string ?? "")
            let root = try #require(table.root(for: key), "\(key.apiVersion) \(key.kind) missing")
            pairs.append((Int32(parts[2].int ?? -1), root))
        }
        if let objectMeta = file["objectMeta"]?.int, let pooled = table.objectMeta {
            pairs.append((Int32(objectMeta), pooled))
        } else {
            Issue.record("no ObjectMeta")
        }
        var seen = Set<[Int32]>()
        var mismatches: [String] = []
        while let (fileIndex, poolIndex) = pairs.popLast(), mismatches.count < 5 {
            guard seen.insert([fileIndex, poolIndex]).inserted else { continue }
            guard let expected = CompactNodeSource.decodeNode(nodes[Int(fileIndex)], count: nodes.count) else {
                mismatches.append("file node \(fileIndex) does not decode")
                continue
            }
            let actual = table[poolIndex]
            let same = expected.name == actual.name && expected.types == actual.types
                && expected.format == actual.format && expected.required == actual.required
                && expected.enumList == actual.enumList && expected.preservesUnknownFields == actual.preservesUnknownFields
                && expected.isEmbeddedResource == actual.isEmbeddedResource
                && expected.properties.keys.sorted() == actual.properties.keys.sorted()
                && (expected.items < 0) == (actual.items < 0)
            guard same else {
                mismatches.append("file node \(fileIndex) ≠ pooled node \(poolIndex)")
                continue
            }
            for (name, target) in expected.properties { pairs.append((target, actual.properties[name] ?? -1)) }
            if expected.items >= 0 { pairs.append((expected.items, actual.items)) }
            switch (expected.additional, actual.additional) {
            case (.schema(let a), .schema(let b)): pairs.append((a, b))
            case (.allowed, .allowed), (.forbidden, .forbidden): break
            default: mismatches.append("file node \(fileIndex): additionalProperties differ")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(seen.count > 1_000)
    }
}
