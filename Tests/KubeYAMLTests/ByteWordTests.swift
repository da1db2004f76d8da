import KubeYAML
import Testing

/// `ByteWord`'s eight-bytes-at-once tests, which the input scans, the text report and the output check skip
/// with, against a byte-by-byte answer for every byte value at every position of a word.
struct ByteWordTests {
    static let fillers: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x24, 0x7B, 0x7E, 0x7F, 0x80, 0x81, 0xC2, 0xFE, 0xFF]

    /// Every word with one byte `wanted` among seven `filler`s, with its bytes.
    private static func words(filler: UInt8) -> [(word: UInt64, bytes: [UInt8])] {
        var result: [(UInt64, [UInt8])] = []
        for wanted in UInt8.min...UInt8.max {
            for position in 0..<8 {
                var bytes = Array(repeating: filler, count: 8)
                bytes[position] = wanted
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                result.append((word, bytes))
            }
        }
        return result
    }

    @Test(arguments: fillers)
    func containsFindsTheByteAtEveryPositionAndNothingElse(filler: UInt8) {
        var wrong: [String] = []
        for (word, bytes) in Self.words(filler: filler) {
            for probe in [bytes.max() ?? 0, bytes.min() ?? 0, filler &+ 1, filler &- 1, 0x7F, 0x0A] {
                if ByteWord.contains(word, probe) != bytes.contains(probe) { wrong.append("\(bytes) \(probe)") }
            }
        }
        #expect(wrong.isEmpty)
    }

    @Test(arguments: fillers)
    func hasByteBelowMatchesEveryLimitUpTo0x80(filler: UInt8) {
        var wrong: [String] = []
        for (word, bytes) in Self.words(filler: filler) {
            for limit: UInt8 in [1, 0x09, 0x20, 0x21, 0x7F, 0x80] {
                if ByteWord.hasByte(word, below: limit) != bytes.contains(where: { $0 < limit }) {
                    wrong.append("\(bytes) < \(limit)")
                }
            }
        }
        #expect(wrong.isEmpty)
    }

    @Test(arguments: fillers)
    func printableASCIIAndNonASCIIMatchTheBytes(filler: UInt8) {
        var wrong: [String] = []
        for (word, bytes) in Self.words(filler: filler) {
            if ByteWord.isPrintableASCII(word) != bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
                wrong.append("printable \(bytes)")
            }
            if ByteWord.hasNonASCII(word) != bytes.contains(where: { $0 >= 0x80 }) { wrong.append("ascii \(bytes)") }
        }
        #expect(wrong.isEmpty)
    }
}
