/// Go's `encoding/base64` StdEncoding decoder (padded, newlines skipped), which the API server uses for the
/// `[]byte` fields of Secrets and ConfigMaps (`data`, `binaryData`): the decoded length, or the input byte at
/// which Go reports `illegal base64 data at input byte N`.
enum GoBase64 {
    /// The decoded byte count, or the offset of the first error as Go's `CorruptInputError` reports it.
    static func decodedLength(_ text: String) -> Result<Int, CorruptInput> {
        let source = Array(text.utf8)
        var index = 0
        var total = 0
        while true {
            switch quantum(source, from: index) {
            case .failure(let error): return .failure(error)
            case .success(let (next, bytes, finished)):
                total += bytes
                index = next
                if finished { return .success(total) }
            }
        }
    }

    /// The offset Go's error names.
    struct CorruptInput: Error, Equatable {
        let offset: Int

        /// Go's text: `illegal base64 data at input byte 4`.
        var message: String { "illegal base64 data at input byte \(offset)" }
    }

    private static func value(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
    }

    private static func isNewline(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 }

    /// One 4-character quantum (`decodeQuantum`): the next index, the bytes it decodes, and whether input ended.
    private static func quantum(_ src: [UInt8], from start: Int) -> Result<(Int, Int, Bool), CorruptInput> {
        var si = start
        var j = 0
        while j < 4 {
            if si == src.count {
                if j == 0 { return .success((si, 0, true)) }
                return .failure(CorruptInput(offset: si - j))
            }
            let byte = src[si]
            si += 1
            if value(byte) {
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
            return .success((si, j - 1, true))
        }
        return .success((si, 3, false))
    }
}
