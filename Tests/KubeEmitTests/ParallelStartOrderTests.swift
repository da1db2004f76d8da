import Testing

@testable import KubeEmit

/// `Parallel.map(_:startingWith:)`, which `compile` uses to start its longest emitters first: results stay in
/// index order, and every index runs once.
struct ParallelStartOrderTests {
    @Test func namedIndicesComeFirstThenTheRestInOrder() {
        #expect(Parallel.startOrder(6, first: [4, 2]) == [4, 2, 0, 1, 3, 5])
    }

    @Test func indicesOutOfRangeOrRepeatedAreIgnored() {
        #expect(Parallel.startOrder(3, first: [7, 1, 1, -1]) == [1, 0, 2])
    }

    @Test func resultsKeepIndexOrder() {
        #expect(Parallel.map(6, startingWith: [5, 3]) { $0 * 10 } == [0, 10, 20, 30, 40, 50])
    }
}
