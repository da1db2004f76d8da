import KubeModel
import Testing

/// `ByteWord.contains`, the eight-bytes-at-once test the input scans skip with, against a byte-by-byte check.
struct ByteWordTests {
    @Test(arguments: [UInt8(0x00), 0x01, 0x24, 0x7B, 0x7F, 0x80, 0x81, 0xFE, 0xFF])
    func findsTheByteAtEveryPositionAndNothingElse(filler: UInt8) {
        var wrong: [String] = []
        for wanted in UInt8.min...UInt8.max {
            for position in 0..<8 {
                var bytes = Array(repeating: filler, count: 8)
                bytes[position] = wanted
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                for probe in [wanted, filler, wanted &+ 1, wanted &- 1] {
                    if ByteWord.contains(word, probe) != bytes.contains(probe) {
                        wrong.append("word \(bytes) byte \(probe)")
                    }
                }
            }
        }
        #expect(wrong.isEmpty)
    }
}
