import KubePlan
import KubeTestSupport
import Testing

@Suite struct IPAMTests {
    static func service(
        _ name: String, namespace: String = "default", clusterIP: String? = nil, type: String = "ClusterIP",
        nodePort: Int? = nil
    ) -> String {
        var text =
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(name)\n  namespace: \(namespace)\nspec:\n  type: \(type)\n"
        if let clusterIP { text += "  clusterIP: \(clusterIP)\n" }
        text += "  selector:\n    app: \(name)\n  ports:\n    - port: 80\n"
        if let nodePort { text += "      nodePort: \(nodePort)\n" }
        return text + "---\n"
    }

    @Test func podIPsStartAfterTheGatewayInPlacementOrder() {
        let result = plan(node("n1", podCIDR: "10.244.7.0/24") + pod("a") + pod("b"))
        #expect(result.state.pods.map { $0.ip?.description } == ["10.244.7.2", "10.244.7.3"])
    }

    @Test func nodesWithoutPodCIDRGetBlocksOfTheClusterCIDRByName() {
        let result = plan(node("b") + node("a") + node("c", podCIDR: "10.244.0.0/24"))
        let cidrs = Dictionary(
            uniqueKeysWithValues: result.state.nodes.map { ($0.name, $0.podCIDRs.map(\.description)) })
        #expect(cidrs == ["a": ["10.244.1.0/24"], "b": ["10.244.2.0/24"], "c": ["10.244.0.0/24"]])
    }

    static let ipv6Cluster = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: v6}
        spec:
          serviceCIDR: fd00:10:96::/112
          clusterCIDR: fd00:10:244::/56
        ---

        """

    @Test func ipv6ClusterCIDRGivesEachNodeASlash64AndPodsIPv6Addresses() {
        let result = plan(Self.ipv6Cluster + node("a") + node("b") + pod("p", spec: "  nodeName: b\n"))
        let cidrs = Dictionary(
            uniqueKeysWithValues: result.state.nodes.map { ($0.name, $0.podCIDRs.map(\.description)) })
        #expect(cidrs == ["a": ["fd00:10:244::/64"], "b": ["fd00:10:244:1::/64"]])
        #expect(result.state.pods.map { $0.ip?.description } == ["fd00:10:244:1::2"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func aNodeMaskThatDoesNotFitTheClusterCIDRIsReported() {
        let cluster = Self.ipv6Cluster.replacingOccurrences(of: "/56\n", with: "/56\n  nodeCIDRMaskSize: 24\n")
        let result = plan(cluster + node("a") + pod("p"))
        #expect(result.diagnostics.contains { $0.message.contains("nodeCIDRMaskSize /24 does not fit clusterCIDR") })
    }

    @Test func explicitClusterIPIsHonoured() {
        let result = plan(Self.service("web", clusterIP: "10.96.5.5"))
        #expect(result.state.services.first?.clusterIPs.map(\.description) == ["10.96.5.5"])
    }

    @Test func allocatedClusterIPIsStableWhenOtherServicesChange() {
        let alone = plan(Self.service("web")).state.services.first { $0.name == "web" }?.clusterIPs
        let crowd = plan(Self.service("api") + Self.service("web") + Self.service("db", namespace: "data"))
            .state.services.first { $0.name == "web" }?.clusterIPs
        #expect(alone != nil)
        #expect(alone == crowd)
    }

    @Test func allocationAvoidsReservedAddresses() {
        let result = plan((0..<200).map { Self.service("s\($0)") }.joined())
        let addresses = result.state.services.flatMap(\.clusterIPs).map(\.description)
        #expect(!addresses.contains("10.96.0.1"))
        #expect(!addresses.contains("10.96.0.10"))
        #expect(Set(addresses).count == 200)
    }

    @Test func duplicateClusterIPIsAConflict() {
        let result = plan(Self.service("a", clusterIP: "10.96.1.1") + Self.service("b", clusterIP: "10.96.1.1"))
        #expect(result.diagnostics.map(\.rule) == ["service-cluster-ip-conflict"])
        let addresses = result.state.services.flatMap(\.clusterIPs)
        #expect(Set(addresses).count == 2)
    }

    @Test func clusterIPOutsideTheServiceCIDRIsReported() {
        let result = plan(Self.service("a", clusterIP: "192.168.0.1"))
        #expect(result.diagnostics.map(\.rule) == ["service-cluster-ip-out-of-range"])
    }

    @Test func nodePortsAreHonouredOrAllocatedInRange() {
        let result = plan(Self.service("a", type: "NodePort", nodePort: 30080) + Self.service("b", type: "NodePort"))
        let ports = result.state.services.map { $0.ports.first?.nodePort }
        #expect(ports.first == 30080)
        #expect(ports.last.flatMap { $0.map { (30000...32767).contains($0) } } == true)
    }

    @Test func nodePortOutsideTheRangeIsReported() {
        let result = plan(Self.service("a", type: "NodePort", nodePort: 80))
        #expect(result.diagnostics.map(\.rule) == ["service-node-port-out-of-range"])
    }

    @Test func headlessAndExternalNameServicesGetNoClusterIP() {
        let headless = Self.service("zk-hs", clusterIP: "None")
        let external =
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: example.com\n"
        let result = plan(headless + external)
        #expect(result.state.services.allSatisfy { $0.clusterIPs.isEmpty })
        #expect(result.state.services.first { $0.name == "zk-hs" }?.isHeadless == true)
        #expect(result.state.services.first { $0.name == "ext" }?.externalName == "example.com")
    }

    @Test func demoServicesConvertWithTheirSettings() {
        let result = Planner.plan(PlanOutputTests.load([RepositoryPaths.manifests]))
        let lb = result.state.services.first { $0.name == "web-lb" }
        #expect(lb?.type == .loadBalancer)
        #expect(lb?.externalTrafficPolicy == .local)
        #expect(lb?.healthCheckNodePort == 32080)
        #expect(lb?.loadBalancerIPs.map(\.description) == ["203.0.113.10"])
        #expect(lb?.ports.first?.targetPort == .name("http"))
        #expect(result.state.services.first { $0.name == "zk-cs" }?.sessionAffinityTimeout == 10800)
        #expect(result.state.ingresses.first?.rules.count == 3)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }
}

/// Service fields the dataplane reads beyond addresses.
@Suite struct ServiceConversionTests {
    static func service(_ extra: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n"
            + extra + "---\n"
    }

    @Test(arguments: ["PreferClose", "PreferSameZone", "PreferSameNode"])
    func trafficDistributionPrefersTheZone(_ value: String) {
        let result = plan(node("n1") + Self.service("  trafficDistribution: \(value)\n"))
        #expect(result.state.services.first?.prefersSameZone == true)
    }

    @Test func withoutTrafficDistributionNoZoneIsPreferred() {
        #expect(plan(node("n1") + Self.service("")).state.services.first?.prefersSameZone == false)
    }
}

/// Which families a Service's cluster IPs come from, as the API server's allocator picks them.
@Suite struct ServiceIPFamilyTests {
    static let dualStack = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: dual}
        spec: {serviceCIDR: ["10.96.0.0/16", "fd00:10:96::/112"]}
        ---

        """

    static func service(_ spec: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n"
            + spec + "---\n"
    }

    static func families(_ text: String) -> [Bool] {
        (plan(text).state.services.first { $0.name == "web" }?.clusterIPs ?? []).map(\.isV4)
    }

    @Test func singleStackTakesThePrimaryFamily() {
        #expect(Self.families(Self.dualStack + node("n1") + Self.service("")) == [true])
    }

    @Test func ipFamiliesChoosesTheFamily() {
        #expect(Self.families(Self.dualStack + node("n1") + Self.service("  ipFamilies: [IPv6]\n")) == [false])
    }

    @Test func preferDualStackGetsBothInTheRequestedOrder() {
        let text = Self.service("  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n")
        #expect(Self.families(Self.dualStack + node("n1") + text) == [false, true])
        #expect(Self.families(node("n1") + Self.service("  ipFamilyPolicy: PreferDualStack\n")) == [true])
    }

    @Test func requireDualStackOnASingleStackClusterIsRefused() {
        let result = plan(node("n1") + Self.service("  ipFamilyPolicy: RequireDualStack\n"))
        #expect(result.diagnostics.map(\.message) == [
            "spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not configured for dual-stack services"
        ])
    }

    @Test func aFamilyTheClusterLacksIsRefused() {
        let result = plan(node("n1") + Self.service("  ipFamilies: [IPv6]\n"))
        #expect(result.diagnostics.map(\.rule) == ["service-ip-family-unavailable"])
        #expect(result.state.services.first { $0.name == "web" }?.clusterIPs.isEmpty == true)
    }
}

/// A dual-stack cluster: every node gets a pod CIDR of each family, every pod an address of each (the first
/// cluster CIDR's family first), and Services endpoints of their own families.
@Suite struct DualStackTests {
    static let cluster = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: dual}
        spec:
          serviceCIDR: ["10.96.0.0/16", "fd00:10:96::/112"]
          clusterCIDR: ["10.244.0.0/16", "fd00:10:244::/56"]
        ---

        """

    static func service(_ name: String, _ spec: String = "") -> String {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(name)\nspec:\n  selector: {app: p}\n  ports: [{port: 80}]\n"
            + spec + "---\n"
    }

    static var result: PlanResult {
        plan(
            cluster + node("a") + node("b") + pod("p", labels: ["app": "p"], spec: "  nodeName: b\n")
                + service("dual", "  ipFamilyPolicy: PreferDualStack\n") + service("single")
                + service("v6", "  ipFamilies: [IPv6]\n"))
    }

    @Test func eachNodeGetsAPodCIDROfEachFamily() {
        let cidrs = Dictionary(uniqueKeysWithValues: Self.result.state.nodes.map { ($0.name, $0.podCIDRs.map(\.description)) })
        #expect(cidrs == ["a": ["10.244.0.0/24", "fd00:10:244::/64"], "b": ["10.244.1.0/24", "fd00:10:244:1::/64"]])
    }

    @Test func eachPodGetsAnAddressOfEachFamilyPrimaryFirst() {
        let pod = Self.result.state.pods.first
        #expect(pod?.ips.map(\.description) == ["10.244.1.2", "fd00:10:244:1::2"])
        #expect(pod?.ip?.description == "10.244.1.2")
        #expect(Self.result.plan.pods.first?.ips.count == 2)
        #expect(PlanTextRenderer.render(Self.result).contains("default/p  10.244.1.2,fd00:10:244:1::2"))
    }

    @Test func servicesGetTheEndpointsOfTheirFamilies() {
        let resolved = EndpointResolver.resolve(Self.result.state)
        let services = Dictionary(uniqueKeysWithValues: resolved.services.map { ($0.name, $0) })
        func endpoints(_ name: String) -> [String] { services[name]?.ports.first?.endpoints.map { $0.ip.description } ?? [] }
        #expect(services["dual"]?.clusterIPs.map(\.isV4) == [true, false])
        #expect(endpoints("dual") == ["10.244.1.2", "fd00:10:244:1::2"])
        #expect(endpoints("single") == ["10.244.1.2"])
        #expect(endpoints("v6") == ["fd00:10:244:1::2"])
    }
}

/// Cluster settings that a real cluster's components would refuse are reported, not silently half-used.
@Suite struct ClusterSettingsTests {
    static func cluster(_ spec: String) -> String {
        "apiVersion: kubec.dev/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec:\n" + spec + "---\n"
    }

    static func messages(_ spec: String) -> [String] {
        plan(cluster(spec) + node("n1")).diagnostics.filter { $0.rule == "cluster-setting-invalid" }.map(\.message)
    }

    @Test func twoCIDRsOfOneFamilyAreRefusedAndTheFirstKept() {
        let text = Self.cluster("  serviceCIDR: [10.96.0.0/16, 10.97.0.0/16]\n") + node("n1") + IPAMTests.service("web")
        let result = plan(text)
        #expect(result.diagnostics.map(\.message).contains { $0.hasPrefix("serviceCIDR lists 10.96.0.0/16, 10.97.0.0/16") })
        #expect(result.state.services.first { $0.name == "web" }?.clusterIPs.map(\.isV4) == [true])
        #expect(Self.messages("  clusterCIDR: [10.244.0.0/16, 10.245.0.0/16]\n").count == 1)
    }

    @Test func aDNSServiceIPOutsideTheServiceCIDRIsReported() {
        #expect(Self.messages("  dnsServiceIP: 10.50.0.10\n") == [
            "dnsServiceIP 10.50.0.10 is not in the service CIDR 10.96.0.0/12: kube-dns would get an address outside the Service range"
        ])
    }

    @Test func aDualStackPairIsAccepted() {
        #expect(Self.messages("  serviceCIDR: [10.96.0.0/16, \"fd00:10:96::/112\"]\n  clusterCIDR: [10.244.0.0/16, \"fd00:10:244::/56\"]\n").isEmpty)
    }
}
