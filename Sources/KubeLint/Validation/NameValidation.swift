/// apimachinery's `pkg/util/validation` name and label checks, on ASCII bytes without regex.
///
/// Each function returns the API server's messages (empty when valid), word for word, including the
/// double space `RegexError` puts before " or " when it lists examples.
package enum NameValidation {
    static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    static let dns1123SubdomainFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
    static let dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
    static let dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let qualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueFormat = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"

    /// `validation.RegexError`.
    static func regexError(_ message: String, _ format: String, _ examples: String...) -> String {
        guard !examples.isEmpty else { return message + " (regex used for validation is '" + format + "')" }
        var text = message + " (e.g. "
        for (index, example) in examples.enumerated() {
            if index > 0 { text += " or " }
            text += "'" + example + "', "
        }
        return text + "regex used for validation is '" + format + "')"
    }

    /// `validation.MaxLenError`.
    static func maxLength(_ length: Int) -> String { "must be no more than \(length) characters" }

    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
    private static func isAlnum(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 65 && c <= 90) }

    /// Whether text matches `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
    static func matchesLabel(_ bytes: ArraySlice<UInt8>, firstMustBeLetter: Bool = false) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if firstMustBeLetter ? !(first >= 97 && first <= 122) : !isLowerAlnum(first) { return false }
        guard isLowerAlnum(last) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// `IsDNS1123Label`.
    package static func dns1123Label(_ value: String) -> [String] {
        let bytes = Substring(value).utf8
        if bytes.count <= 63, !bytes.contains(46), isSubdomain(bytes) { return [] }
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLength(63)) }
        if !matchesLabel(ArraySlice(value.utf8)) {
            errors.append(regexError(dns1123LabelMessage, dns1123LabelFormat, "my-name", "123-abc"))
        }
        return errors
    }

    /// `IsDNS1123Subdomain`.
    package static func dns1123Subdomain(_ value: String) -> [String] {
        if isSubdomain(Substring(value).utf8) { return [] }
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLength(253)) }
        let parts = Array(value.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if value.isEmpty || !parts.allSatisfy({ matchesLabel($0) }) {
            errors.append(regexError(dns1123SubdomainMessage, dns1123SubdomainFormat, "example.com"))
        }
        return errors
    }

    /// `IsDNS1035Label`.
    package static func dns1035Label(_ value: String) -> [String] {
        let bytes = Substring(value).utf8
        if bytes.count <= 63, let first = bytes.first, first >= 97, first <= 122, !bytes.contains(46), isSubdomain(bytes) {
            return []
        }
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLength(63)) }
        if !matchesLabel(ArraySlice(value.utf8), firstMustBeLetter: true) {
            errors.append(regexError(dns1035LabelMessage, dns1035LabelFormat, "my-name", "abc-123"))
        }
        return errors
    }

    /// Whether text matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    static func matchesQualifiedName(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, isAlnum(first), isAlnum(last) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `IsQualifiedName`: label keys, annotation keys, topology keys.
    package static func qualifiedName(_ value: String) -> [String] {
        if isValidQualifiedName(value) { return [] }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        var errors: [String] = []
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(prefix).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part " + maxLength(63))
        }
        if !name.isEmpty, !matchesQualifiedName(ArraySlice(name.utf8)) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc"))
        }
        return errors
    }

    /// `IsValidLabelValue`.
    package static func labelValue(_ value: String) -> [String] {
        if isValidLabelValue(value) { return [] }
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLength(63)) }
        if !value.isEmpty, !matchesQualifiedName(ArraySlice(value.utf8)) {
            errors.append(regexError(labelValueMessage, labelValueFormat, "MyValue", "my_value", "12345"))
        }
        return errors
    }

    /// `IsValidPortName` (IANA_SVC_NAME).
    package static func portName(_ value: String) -> [String] {
        if isValidPortName(value) { return [] }
        var errors: [String] = []
        let bytes = Array(value.utf8)
        if bytes.count > 15 { errors.append(maxLength(15)) }
        if !bytes.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }) || bytes.isEmpty {
            errors.append("must contain only alpha-numerics (a-z, 0-9), and hyphens (-)")
        }
        if value.contains("--") { errors.append("must not contain consecutive hyphens") }
        if value.hasPrefix("-") || value.hasSuffix("-") { errors.append("must not begin or end with a hyphen") }
        if !bytes.contains(where: { $0 >= 97 && $0 <= 122 }) { errors.append("must contain at least one letter (a-z)") }
        return errors
    }

    /// `IsValidPortNum`.
    package static func portNumber(_ value: Int) -> [String] {
        (1...65535).contains(value) ? [] : ["must be between 1 and 65535, inclusive"]
    }

    /// `IsRelaxedEnvVarName` (the rule since Kubernetes 1.34): printable ASCII except `=`.
    package static func environmentVariableName(_ value: String) -> [String] {
        let valid = !value.isEmpty && value.utf8.allSatisfy { $0 >= 32 && $0 <= 126 && $0 != UInt8(ascii: "=") }
        return valid ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
    }

    /// `IsValidPercent`: digits followed by `%`.
    package static func isPercent(_ value: String) -> Bool {
        guard value.hasSuffix("%") else { return false }
        let digits = value.dropLast()
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A DNS-1123 subdomain that may start with `*.` (Ingress hosts, TLS hosts).
    package static func wildcardDNS1123Subdomain(_ value: String) -> [String] {
        guard value.hasPrefix("*.") else { return dns1123Subdomain(value) }
        let rest = String(value.dropFirst(2))
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLength(253)) }
        let parts = Array(rest.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if rest.isEmpty || !parts.allSatisfy({ matchesLabel($0) }) {
            errors.append(regexError(
                "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "*.example.com"))
        }
        return errors
    }
}
