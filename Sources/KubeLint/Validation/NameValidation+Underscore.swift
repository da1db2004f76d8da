extension NameValidation {
    static let dns1123SubdomainWithUnderscoreMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character"
    static let dns1123SubdomainWithUnderscoreFormat = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*"

    /// `IsDNS1123SubdomainWithUnderscore`: a DNS subdomain whose labels may start with `_` and contain `_`
    /// (`_sip._tcp.example.com`), as pod DNS search domains are checked from Kubernetes 1.33.
    package static func dns1123SubdomainWithUnderscore(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLength(253)) }
        let parts = Array(value.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if value.isEmpty || !parts.allSatisfy(matchesUnderscoreLabel) {
            errors.append(regexError(dns1123SubdomainWithUnderscoreMessage, dns1123SubdomainWithUnderscoreFormat,
                                     "example.com"))
        }
        return errors
    }

    /// Whether text matches `_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?`.
    static func matchesUnderscoreLabel(_ bytes: ArraySlice<UInt8>) -> Bool {
        let body = bytes.first == UInt8(ascii: "_") ? bytes.dropFirst() : bytes
        guard let first = body.first, let last = body.last, lowerAlnum(first), lowerAlnum(last) else { return false }
        return body.allSatisfy { lowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
