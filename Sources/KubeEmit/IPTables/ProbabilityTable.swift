import Foundation

/// `1/n` formatted as Go's `%0.10f`, as kube-proxy writes `--probability` (it also caches these strings).
///
/// C's `%.10f` rounds the exact binary value half-to-even like Go's formatter, so the texts match. The
/// table is filled up front for the largest endpoint count, keeping Foundation out of the rule loop.
struct ProbabilityTable: Sendable {
    private let texts: [String]

    init(upTo maximum: Int) {
        var texts = ["<bad value>"]
        for count in 1...max(maximum, 1) {
            texts.append(String(format: "%0.10f", 1.0 / Double(count)))
        }
        self.texts = texts
    }

    /// The text for `1/count`; `count` must be within the table.
    func text(for count: Int) -> String { texts[count] }
}
