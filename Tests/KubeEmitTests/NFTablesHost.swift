import Foundation

/// Running `nft` for the nftables tests, always inside a network namespace the test creates and deletes.
///
/// Tests needing nft run when the host can (root, `ip`, `nft`) and, under `CI=true`, always: a CI machine without
/// nft then fails them instead of skipping.
enum NFTablesHost {
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Root with `ip` and `nft`.
    static var available: Bool {
        DataplaneHost.isRoot && DataplaneHost.executable("ip") != nil && DataplaneHost.executable("nft") != nil
    }

    /// Whether tests that need nft should run.
    static var shouldRun: Bool { available || inCI }

    /// `nft -c -f -` on `ruleset` in a fresh namespace.
    static func check(_ ruleset: [UInt8]) -> DataplaneHost.Result {
        guard available else { return missing }
        let namespace = DataplaneHost.uniquePrefix()
        return DataplaneHost.withNamespaces([namespace]) {
            DataplaneHost.exec(namespace, ["nft", "-c", "-f", "-"], input: ruleset, timeout: 120)
        }
    }

    /// `nft -f -` on `ruleset` in `namespace`.
    static func load(_ namespace: String, _ ruleset: [UInt8]) -> DataplaneHost.Result {
        guard available else { return missing }
        return DataplaneHost.exec(namespace, ["nft", "-f", "-"], input: ruleset, timeout: 120)
    }

    private static var missing: DataplaneHost.Result {
        DataplaneHost.Result(status: 127, output: "", error: "nft or root missing", timedOut: false)
    }
}
