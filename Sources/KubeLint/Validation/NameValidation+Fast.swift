/// Allocation-free verdicts for the common case (the input is valid), so the message-building validators in
/// `NameValidation` run only on failures. Every label, annotation and name of the input passes through here.
extension NameValidation {
    @inline(__always) static func lowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    @inline(__always) static func alnum(_ c: UInt8) -> Bool { lowerAlnum(c) || (c >= 65 && c <= 90) }

    /// `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`, 1…63 bytes.
    static func isQualifiedNamePart<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, alnum(first), alnum(last) else { return false }
        for c in bytes where !(alnum(c) || c == 45 || c == 95 || c == 46) { return false }
        return true
    }

    /// A DNS-1123 subdomain (≤ 253 bytes of dot-separated lower-case labels).
    static func isSubdomain<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var previous: UInt8 = 46
        for c in bytes {
            if c == 46 {
                if previous == 46 || previous == 45 { return false }
            } else if c == 45 {
                if previous == 46 { return false }
            } else if !lowerAlnum(c) {
                return false
            }
            previous = c
        }
        return previous != 46 && previous != 45
    }

    /// Whether a label key or annotation key is valid, without building messages.
    static func isValidQualifiedName(_ value: String) -> Bool {
        let whole = Substring(value).utf8
        guard let slash = whole.firstIndex(of: 47) else { return isQualifiedNamePart(whole) }
        let prefix = whole[..<slash]
        let name = whole[whole.index(after: slash)...]
        return !name.contains(47) && isSubdomain(prefix) && isQualifiedNamePart(name)
    }

    /// Whether a port name is a valid IANA_SVC_NAME, without building messages.
    static func isValidPortName(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 15, first != 45, last != 45 else { return false }
        var previous: UInt8 = 0
        var letter = false
        for c in bytes {
            if c == 45 {
                if previous == 45 { return false }
            } else if c >= 97 && c <= 122 {
                letter = true
            } else if !(c >= 48 && c <= 57) {
                return false
            }
            previous = c
        }
        return letter
    }

    /// Whether a label value is valid, without building messages.
    static func isValidLabelValue(_ value: String) -> Bool {
        value.isEmpty || isQualifiedNamePart(Substring(value).utf8)
    }
}
