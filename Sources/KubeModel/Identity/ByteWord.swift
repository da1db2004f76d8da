/// Tests on eight bytes at once, for scans over every byte of the input.
package enum ByteWord {
    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on `word ^ byte…byte`: exact, no
    /// false positives for the question "is there one").
    @inlinable @inline(__always)
    package static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let masked = word ^ (ones &* UInt64(byte))
        return (masked &- ones) & ~masked & (ones &* 0x80) != 0
    }
}
