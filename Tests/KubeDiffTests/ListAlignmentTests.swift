import KubeYAML
import Testing

@testable import KubeDiff

/// The list alignment behind lists without a merge key, and the equality it relies on.
///
/// Bounded work is checked by shape, not by time: inputs that the earlier algorithms could not finish (a
/// mapping 40 levels deep compared both ways at each level, a 20,000-item list in a quadratic table) must
/// come back with the right answer.
@Suite("List alignment")
struct ListAlignmentTests {
    @Test func insertionInTheMiddleIsOneAddition() {
        #expect(ListAlignment.align([1, 2, 3], [1, 2, 9, 3]) == [.same, .same, .added(2), .same])
    }

    @Test func removalIsOneRemoval() {
        #expect(ListAlignment.align([1, 2, 3, 4], [1, 3, 4]) == [.same, .removed(1), .same, .same])
    }

    @Test func replacedItemsPairUpAsModifications() {
        #expect(ListAlignment.align([1, 2, 3], [1, 7, 3]) == [.same, .modified(old: 1, new: 1), .same])
    }

    @Test func swappedItemsKeepOneInPlace() {
        let steps = ListAlignment.align([1, 2], [2, 1])
        #expect(steps.filter { $0 == .same }.count == 1)
        #expect(steps.count == 3)
    }

    @Test func hugeListsAreAlignedOnUniqueAnchors() {
        // 20,000 × 20,001 cells is far beyond the exact table: the patience cut must still find the one insertion.
        let old = Array(0..<20_000)
        var new = old
        new.insert(-1, at: 12_345)
        let steps = ListAlignment.align(old, new)
        #expect(steps.count == 20_001)
        #expect(steps[12_345] == .added(12_345))
        #expect(steps.filter { $0 == .same }.count == 20_000)
    }

    @Test func hugeListsWithoutAnchorsPairByPosition() {
        let old = [Int](repeating: 1, count: 1_500) + [Int](repeating: 2, count: 1_500)
        let new = [Int](repeating: 2, count: 1_500) + [Int](repeating: 1, count: 1_500)
        let steps = ListAlignment.align(old, new)
        #expect(steps.count == 3_000)
    }

    @Test func equalItemsShareAClassWhateverTheirKeyOrder() throws {
        let old = try list("- {a: 1, b: [x, y]}\n- {c: 3}\n")
        let new = try list("- {c: 3}\n- {b: [x, y], a: 0x1, d: null}\n")
        let classes = ItemClasses(old, new)
        #expect(classes.old == [0, 1])
        #expect(classes.new == [1, 0])
    }

    @Test func differentItemsGetDifferentClasses() throws {
        let classes = ItemClasses(try list("- {a: 1}\n- [1, 2]\n"), try list("- {a: \"1\"}\n- [2, 1]\n"))
        #expect(Set(classes.old).isDisjoint(with: classes.new))
    }

    @Test func deepMappingsCompareInOnePass() throws {
        // 40 levels of nesting: comparing each mapping deeply in both directions doubles per level (2^40).
        let depth = 40
        var text = ""
        for level in 0..<depth { text += String(repeating: "  ", count: level) + "level\(level):\n" }
        text += String(repeating: "  ", count: depth) + "leaf: x\n"
        let items = "items:\n- " + text.split(separator: "\n").joined(separator: "\n  ") + "\n"
        let document = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\n" + items
        let changed = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, labels: {a: b}}\n" + items
        let report = DiffFixture.diff(document, changed)
        #expect(DiffFixture.fieldSummary(report) == ["metadata.labels added"])
    }

    @Test func duplicatedKeysCountOnceForEquality() throws {
        let lhs = try list("- {a: 1, a: 2}\n")
        let rhs = try list("- {a: 2}\n")
        #expect(NodeEquality.equal(lhs.items[0], rhs.items[0]))
    }

    @Test func anExtraNonNullKeyBreaksEquality() throws {
        let lhs = try list("- {a: 1}\n")
        let rhs = try list("- {a: 1, b: 2}\n")
        #expect(!NodeEquality.equal(lhs.items[0], rhs.items[0]))
        #expect(!NodeEquality.equal(rhs.items[0], lhs.items[0]))
    }

    @Test func largeMappingsCompareByKeyWhateverTheOrder() throws {
        let keys = (0..<40).map { "k\($0): \($0)" }
        let lhs = try list("- {" + keys.joined(separator: ", ") + "}\n")
        let rhs = try list("- {" + keys.reversed().joined(separator: ", ") + "}\n")
        #expect(NodeEquality.equal(lhs.items[0], rhs.items[0]))
        let other = try list("- {" + keys.dropLast().joined(separator: ", ") + ", k39: 40}\n")
        #expect(!NodeEquality.equal(lhs.items[0], other.items[0]))
    }

    private func list(_ text: String) throws -> YAMLNode {
        let loaded = YAMLLoader.load([SourceFile(path: "t.yaml", text: text)])
        return try #require(loaded.documents.first?.root)
    }
}
