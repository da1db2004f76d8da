/// One deprecated or removed built-in apiVersion of a kind, from FairwindsOps/pluto's `versions.yaml`
/// (`Generated/APIDeprecationTable.swift`, compiled by `scripts/schemas/generate.py`).
///
/// Versions are Kubernetes 1.x minor numbers: `removedIn: 22` means removed in v1.22.
package struct APIDeprecation: Sendable, Hashable {
    /// The deprecated apiVersion (`extensions/v1beta1`).
    package var apiVersion: String
    /// The kind it applies to.
    package var kind: String
    /// The minor release that deprecated it.
    package var deprecatedIn: Int?
    /// The minor release that removed it; nil while it is only deprecated.
    package var removedIn: Int?
    /// The apiVersion to move to.
    package var replacement: String
    /// The minor release since which the replacement exists.
    package var replacementAvailableIn: Int?

    /// What the table says about an apiVersion/kind at a Kubernetes minor version.
    package enum Status: Sendable, Equatable {
        case removed(APIDeprecation)
        case deprecated(APIDeprecation)
    }

    private static let index: [KindKey: APIDeprecation] = {
        var index: [KindKey: APIDeprecation] = [:]
        for entry in table + supplement { index[KindKey(apiVersion: entry.apiVersion, kind: entry.kind)] = entry }
        return index
    }()

    /// The status of `apiVersion`/`kind` on Kubernetes `1.minor`; nil when it is current.
    package static func status(apiVersion: String, kind: String, minor: Int) -> Status? {
        guard let entry = index[KindKey(apiVersion: apiVersion, kind: kind)] else { return nil }
        if let removed = entry.removedIn, minor >= removed { return .removed(entry) }
        if let deprecated = entry.deprecatedIn, minor >= deprecated { return .deprecated(entry) }
        return nil
    }

    /// The minor number of a `major.minor` version string (`"1.37"` → 37).
    package static func minor(of version: String) -> Int? {
        let parts = version.split(separator: ".")
        guard parts.count >= 2, parts[0] == "1" else { return nil }
        return Int(parts[1])
    }
}
