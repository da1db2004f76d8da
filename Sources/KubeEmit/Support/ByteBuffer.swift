/// A growable byte buffer for emitters: appends text without going through `String` concatenation.
///
/// Emitters write hundreds of thousands of short lines; appending `StaticString` and UTF-8 views straight into
/// one `[UInt8]` keeps that at memcpy speed (STYLE.md §13: hot paths work on bytes).
package struct ByteBuffer: Sendable {
    /// The bytes written so far.
    package var bytes: [UInt8]

    /// An empty buffer with room for `capacity` bytes.
    package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Number of bytes written.
    package var count: Int { bytes.count }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    package mutating func append(_ text: String) {
        // Native strings are contiguous UTF-8: copy without retaining or re-encoding.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends bytes.
    @inline(__always)
    package mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends a slice of bytes.
    @inline(__always)
    package mutating func append(_ other: ArraySlice<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// Appends one byte.
    @inline(__always)
    package mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a non-negative integer in decimal.
    package mutating func append(decimal value: Int) {
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + max(value, 0)))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while remaining > 0, count < 20 {
                raw[19 - count] = UInt8(truncatingIfNeeded: 48 + remaining % 10)
                remaining /= 10
                count += 1
            }
            bytes.append(contentsOf: raw[(20 - count)...])
        }
    }
}
