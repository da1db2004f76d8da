import Foundation
import KubeTestSupport
import Testing

/// `kubec compile --proxy-mode nftables|all`: which kube-proxy files each node gets.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct NFTablesCompileCommandTests {
    private func compiledFiles(_ mode: String) throws -> Set<String> {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-nft-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "--proxy-mode", mode, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let listed = FileManager.default.enumerator(atPath: out)?.allObjects.compactMap { $0 as? String } ?? []
        return Set(listed)
    }

    @Test func nftablesModeWritesOnlyTheNFTablesRulesetPerNode() throws {
        let files = try compiledFiles("nftables")
        #expect(files.contains("nodes/worker-1/nftables.nft"))
        #expect(!files.contains("nodes/worker-1/iptables.rules"))
        #expect(!files.contains("nodes/worker-1/ipvs.rules"))
    }

    @Test func allModeWritesEveryProxyMode() throws {
        let files = try compiledFiles("all")
        for name in ["iptables.rules", "ipvs.rules", "nftables.nft"] {
            #expect(files.contains("nodes/worker-1/\(name)"), "\(name)")
        }
    }
}
