import Foundation
import KubeEmit
import KubePlan
import Testing

/// Every `nftables.nft` kubec writes, handed to nft itself.
///
/// In a network namespace the test creates and deletes:
/// `nft -c -f` (parse and check against the kernel) and then `nft -f` (really load), after which the table reads
/// back with the same number of chains. Fixtures, the kube-proxy overall vector, IPv6, dual-stack and the demo.
@Suite(.serialized, .enabled(if: NFTablesHost.shouldRun, "needs root with ip and nft (nftables)"))
struct NFTablesRealToolsTests {
    static var cases: [String] { DataplaneFixtures.all.map(\.0) + ["ipv6", "kube-proxy-overall"] }

    static func state(_ name: String) -> ClusterState {
        if name == "ipv6" { return DataplaneFixtures.ipv6 }
        return DataplaneFixtures.all.first(where: { $0.0 == name })?.1 ?? KubeProxyTestVectorTests.overallState
    }

    /// Checks and loads each file in a fresh namespace of its own.
    static func checkAndLoad(_ files: [OutputFile]) {
        #expect(!files.isEmpty)
        for file in files {
            let check = NFTablesHost.check(file.contents)
            #expect(check.succeeded, "nft -c \(file.path): \(check.error)")
            let namespace = DataplaneHost.uniquePrefix() + "-nft"
            DataplaneHost.withNamespaces([namespace]) {
                let load = NFTablesHost.load(namespace, file.contents)
                #expect(load.succeeded, "nft -f \(file.path): \(load.error)")
                let declared = file.text.split(separator: "\n").filter { $0.hasPrefix("add chain ") }.count
                var listed = 0
                for table in ["ip kube-proxy", "ip6 kube-proxy"] where file.text.contains("add table \(table) ") {
                    let list = DataplaneHost.exec(namespace, ["sh", "-c", "nft list table \(table)"])
                    #expect(list.succeeded, "nft list table \(table): \(list.error)")
                    listed += list.output.split(separator: "\n").filter { $0.hasPrefix("\tchain ") }.count
                }
                #expect(listed == declared, "\(file.path): \(declared) chains declared, \(listed) loaded")
            }
        }
    }

    @Test(arguments: cases)
    func fixtureFilesLoadIntoTheKernel(_ name: String) {
        Self.checkAndLoad(NFTablesEmitter().emit(Self.state(name)).files)
    }

    @Test func kubeProxyUnitTestOptionsLoadToo() {
        var state = KubeProxyTestVectorTests.overallState
        state.settings.serviceCIDRs = [cidr("172.30.0.0/16")]
        Self.checkAndLoad(NFTablesEmitter(options: .kubeProxyUnitTest()).emit(state).files)
    }

    @Test func dualStackFilesLoadIntoTheKernel() {
        Self.checkAndLoad(DualStackCompilation.files().files.filter { $0.path.hasSuffix("/nftables.nft") })
    }

    @Test func demoFilesLoadIntoTheKernel() {
        Self.checkAndLoad(DemoCompilation.files().files.filter { $0.path.hasSuffix("/nftables.nft") })
    }
}
