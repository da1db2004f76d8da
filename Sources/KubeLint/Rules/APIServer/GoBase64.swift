/// Go's `encoding/base64` StdEncoding decoder (padded, newlines skipped), which the API server uses for the
/// `[]byte` fields of Secrets and ConfigMaps (`data`, `binaryData`): the decoded length, or the input byte at
/// which Go reports `illegal base64 data at input byte N`.
package enum GoBase64 {
    /// The decoded byte count, or the offset of the first error as Go's `CorruptInputError` reports it.
    package static func decodedLength(_ text: String) -> Result<Int, CorruptInput> {
        decode(text).map(\.count)
    }

    /// The decoded bytes, or the offset of the first error.
    package static func decode(_ text: String) -> Result<[UInt8], CorruptInput> {
        let source = Array(text.utf8)
        var index = 0
        var output: [UInt8] = []
        output.reserveCapacity(source.count / 4 * 3)
        while true {
            switch quantum(source, from: index, into: &output) {
            case .failure(let error): return .failure(error)
            case .success(let (next, finished)):
                index = next
                if finished { return .success(output) }
            }
        }
    }

    /// The offset Go's error names.
    package struct CorruptInput: Error, Equatable {
        package let offset: Int

        /// Go's text: `illegal base64 data at input byte 4`.
        package var message: String { "illegal base64 data at input byte \(offset)" }
    }

    /// The 6-bit value of a base64 character, nil for any other byte.
    private static func value(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 65...90: UInt32(byte - 65)
        case 97...122: UInt32(byte - 71)
        case 48...57: UInt32(byte + 4)
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    private static func isNewline(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 }

    /// One 4-character quantum (`decodeQuantum`), appended to `output`: the next index, and whether input ended.
    private static func quantum(_ src: [UInt8], from start: Int, into output: inout [UInt8])
        -> Result<(Int, Bool), CorruptInput> {
        var si = start
        var j = 0
        var bits: UInt32 = 0
        func emit(_ characters: Int) {
            let shifted = bits << UInt32(6 * (4 - characters))
            let bytes = [UInt8(shifted >> 16 & 0xff), UInt8(shifted >> 8 & 0xff), UInt8(shifted & 0xff)]
            output += bytes.prefix(characters - 1)
        }
        while j < 4 {
            if si == src.count {
                if j == 0 { return .success((si, true)) }
                return .failure(CorruptInput(offset: si - j))
            }
            let byte = src[si]
            si += 1
            if let sextet = value(byte) {
                bits = bits << 6 | sextet
                j += 1
                continue
            }
            if isNewline(byte) { continue }
            guard byte == UInt8(ascii: "=") else { return .failure(CorruptInput(offset: si - 1)) }
            // Padding: only after two or three characters of the quantum.
            if j < 2 { return .failure(CorruptInput(offset: si - 1)) }
            if j == 2 {
                while si < src.count, isNewline(src[si]) { si += 1 }
                if si == src.count { return .failure(CorruptInput(offset: src.count)) }
                if src[si] != UInt8(ascii: "=") { return .failure(CorruptInput(offset: si - 1)) }
                si += 1
            }
            while si < src.count, isNewline(src[si]) { si += 1 }
            if si < src.count { return .failure(CorruptInput(offset: si)) }
            emit(j)
            return .success((si, true))
        }
        emit(4)
        return .success((si, false))
    }
}
