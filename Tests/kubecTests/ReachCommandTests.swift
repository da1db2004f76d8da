import Foundation
import KubeTestSupport
import Testing

/// `kubec reach` on the demo: its NetworkPolicies allow web → zk on the client port, deny zk → web egress.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct ReachCommandTests {
    private func podNames() throws -> [String] {
        let run = try KubecProcess.run(["plan", "--output", "json", RepositoryPaths.manifests])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let pods = try #require(json["pods"] as? [[String: Any]])
        return pods.compactMap { pod in
            guard let namespace = pod["namespace"] as? String, let name = pod["name"] as? String else { return nil }
            return "\(namespace)/\(name)"
        }
    }

    @Test func aClientOfZooKeeperIsAllowedByTheClientPolicy() throws {
        let pods = try podNames()
        let web = try #require(pods.first { $0.hasPrefix("demo/web-") })
        let run = try KubecProcess.run(["reach", RepositoryPaths.manifests, "--from", web, "--to", "demo/zk-0", "--port", "2181"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("allowed\n"))
        #expect(run.stdout.contains("demo/zk-allow-clients#0"))
    }

    @Test func defaultDenyStopsTrafficNoRuleAllows() throws {
        let pods = try podNames()
        let web = try #require(pods.first { $0.hasPrefix("demo/web-") })
        let run = try KubecProcess.run(["reach", RepositoryPaths.manifests, "--from", "demo/zk-0", "--to", web, "--port", "http", "--output", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["allowed"] as? Bool == false)
        #expect(json["port"] as? Int == 8080)
    }

    @Test func theMatrixCoversEveryPodPair() throws {
        let pods = try podNames()
        let run = try KubecProcess.run(["reach", RepositoryPaths.manifests, "--matrix", "--port", "2181", "--output", "json"])
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(cells.count == pods.count * (pods.count - 1))
    }

    @Test func missingQuestionIsAUsageError() throws {
        let run = try KubecProcess.run(["reach", RepositoryPaths.manifests, "--from", "demo/zk-0"])
        #expect(run.status == 2)
    }
}
