/// Tests on eight bytes at once, for scans over every byte of an input or an output: each asks whether SOME
/// byte of the word qualifies, exactly (no false answer either way), whatever the order of the word's bytes.
package enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (at most 0x80): the classic "has less" test, whose borrow
    /// can only run from a byte that is itself below the limit.
    @inlinable @inline(__always)
    package static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of `word` equals `byte` (a zero byte of `word ^ byte…byte`).
    @inlinable @inline(__always)
    package static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        hasByte(word ^ (ones &* UInt64(byte)), below: 1)
    }

    /// Whether some byte of `word` is 0x80 or above (not ASCII).
    @inlinable @inline(__always)
    package static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }

    /// Whether every byte of `word` is printable ASCII, 0x20 to 0x7E.
    @inlinable @inline(__always)
    package static func isPrintableASCII(_ word: UInt64) -> Bool {
        !hasNonASCII(word) && !hasByte(word, below: 0x20) && !contains(word, 0x7F)
    }
}
