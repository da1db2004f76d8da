/// A byte scan that proves most ConfigMap entries harmless before `ConfigMapSensitiveDataRule.finding` reads
/// them character by character.
///
/// Nearly every entry of a real input holds no credential, and the full check (names normalised per Character,
/// values split into words and lines, Foundation searches) cost more than any other rule on large inputs. For
/// ASCII text without carriage returns every Character is one byte, so the same questions can be asked of the
/// bytes: this scan answers only "certainly harmless" (nil finding) or "cannot tell", and everything it cannot
/// tell goes to the full check, which stays the one definition of a finding.
extension CredentialText {
    /// True when the full check would find nothing in this entry; false when it might (or the text is not
    /// plain ASCII, or holds a carriage return: CR LF is one Character).
    static func isCertainlyHarmless(name: String, value: String) -> Bool {
        var name = name
        var value = value
        return name.withUTF8 { name in
            value.withUTF8 { value in
                guard isPlainASCII(name), isPlainASCII(value), !mayHoldStrongFinding(value) else { return false }
                guard value.contains(newline) else { return !mayNameCredential(name[...]) }
                var start = 0
                while start <= value.count {
                    var end = start
                    while end < value.count, value[end] != newline { end += 1 }
                    if let setting = settingName(value[start..<end]), mayNameCredential(setting) { return false }
                    start = end + 1
                }
                return true
            }
        }
    }

    private static let newline = UInt8(ascii: "\n")

    /// ASCII without `\r`: each byte is one Character.
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "\r") { return false }
        return true
    }

    /// Whether `strongFinding(in:)` could find something: the markers of a private key, any `://` (a URL that may
    /// carry a password), or the start of a known token anywhere in the text.
    private static func mayHoldStrongFinding(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        if contains(value, "://") { return true }
        if contains(value, "-----BEGIN"), contains(value, "PRIVATE KEY-----") { return true }
        for index in value.indices {
            switch value[index] {
            case UInt8(ascii: "g"):
                if tokenStarts.contains(where: { matches(value, at: index, $0) }) { return true }
            case UInt8(ascii: "x"):
                if matches(value, at: index, "xox") { return true }
            case UInt8(ascii: "s"):
                if matches(value, at: index, "sk_live_") { return true }
            case UInt8(ascii: "A"):
                if matches(value, at: index, "AKIA") || matches(value, at: index, "ASIA") { return true }
            default: break
            }
        }
        return false
    }

    private static let tokenStarts: [StaticString] = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-"]

    /// Whether `namesCredential` could hold for a name.
    ///
    /// True when its normalised form (as `normalizedName` makes it, here for ASCII bytes) contains a credential
    /// word; the endings and beginnings that clear a name are left to the full check.
    private static func mayNameCredential(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(name.count + 8)
        var previousLower = false
        for byte in name {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "/"):
                normalized.append(UInt8(ascii: "_"))
                previousLower = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousLower { normalized.append(UInt8(ascii: "_")) }
                normalized.append(byte)
                previousLower = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                normalized.append(byte - 32)
                previousLower = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                normalized.append(byte)
                previousLower = true
            default:
                normalized.append(byte)
                previousLower = false
            }
        }
        return normalized.withUnsafeBufferPointer { bytes in
            contains(bytes, "BEARER")
                || SecretValueInEnvVarRule.namesCredential(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The name `setting(in:)` reads from a line, as bytes of the line; nil when it reads no setting.
    private static func settingName(
        _ line: Slice<UnsafeBufferPointer<UInt8>>
    ) -> Slice<UnsafeBufferPointer<UInt8>>? {
        var text = trimmed(line)
        if text.first == UInt8(ascii: "#") || text.first == UInt8(ascii: ";") { return nil }
        if startsWith(text, "//") { return nil }
        if startsWith(text, "export ") { text = text.dropFirst(7) }
        guard let separator = text.firstIndex(where: { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") })
        else { return nil }
        var name = trimmed(text[..<separator])
        if name.count >= 2, let first = name.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'"),
            name.last == first
        {
            name = name.dropFirst().dropLast()
        }
        guard !name.isEmpty, !name.contains(UInt8(ascii: " ")) else { return nil }
        return name
    }

    /// The bytes without leading and trailing spaces and tabs (`trimmingSpaces`).
    private static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var bytes = bytes
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            bytes = bytes.dropFirst()
        }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        return bytes
    }

    private static func startsWith(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ prefix: StaticString) -> Bool {
        matches(bytes.base, at: bytes.startIndex, prefix, end: bytes.endIndex)
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: StaticString) -> Bool {
        bytes.indices.contains { matches(bytes, at: $0, part) }
    }

    /// Whether `part` is written at `start` (and ends by `end`, the buffer's end by default).
    private static func matches(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ part: StaticString, end: Int? = nil
    ) -> Bool {
        let end = end ?? bytes.count
        let count = part.utf8CodeUnitCount
        guard start + count <= end else { return false }
        let wanted = part.utf8Start
        for offset in 0..<count where bytes[start + offset] != wanted[offset] { return false }
        return true
    }
}
