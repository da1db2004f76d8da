import KubePlan
import Testing

/// Defaults the dataplane depends on, each pinned by a test that fails when the default changes.
struct ServiceDefaultsTests {
    @Test func kubeDNSGetsTheReservedDNSServiceIP() {
        let result = plan(IPAMTests.service("kube-dns", namespace: "kube-system") + IPAMTests.service("web"))
        let dns = result.state.services.first { $0.namespace == "kube-system" && $0.name == "kube-dns" }
        #expect(dns?.clusterIPs.map(\.description) == ["10.96.0.10"])
    }

    @Test func anotherServiceNamedKubeDNSOutsideKubeSystemGetsAnAllocatedAddress() {
        let result = plan(IPAMTests.service("kube-dns", namespace: "default"))
        #expect(result.state.services.first?.clusterIPs.map(\.description) != ["10.96.0.10"])
    }

    @Test func clientIPAffinityDefaultsToThreeHours() {
        let result = plan(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n"
                + "  sessionAffinity: ClientIP\n  ports: [{port: 80}]\n")
        #expect(result.state.services.first?.sessionAffinityTimeout == 10_800)
    }

    @Test func noAffinityHasNoTimeout() {
        let result = plan("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n")
        #expect(result.state.services.first?.sessionAffinityTimeout == nil)
    }
}
