import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import KubeYAML
import Testing

/// A dual-stack cluster compiled as `kubec compile` does, every output handed to its real tool: both proxiers'
/// files to `iptables-restore`/`ip6tables-restore --test` (IPVS mode's after its sets), the policy sets to
/// `ipset restore` and both policy files on top of them, every zone (the ip6.arpa one included) to
/// `named-checkzone`.
enum DualStackCompilation {
    static let input = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: dual}
        spec:
          serviceCIDR: ["10.96.0.0/16", "fd00:10:96::/112"]
          clusterCIDR: ["10.244.0.0/16", "fd00:10:244::/56"]
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: w1, labels: {kubernetes.io/hostname: w1, topology.kubernetes.io/zone: a}}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.11}, {type: InternalIP, address: "fd77::11"}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: w2, labels: {kubernetes.io/hostname: w2, topology.kubernetes.io/zone: b}}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.12}, {type: InternalIP, address: "fd77::12"}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          replicas: 2
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "postgres:16", ports: [{name: pg, containerPort: 5432}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {clusterIP: None, ipFamilyPolicy: RequireDualStack, selector: {app: db}, ports: [{port: 5432}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
          ipFamilyPolicy: PreferDualStack
          trafficDistribution: PreferClose
          sessionAffinity: ClientIP
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-v6}
        spec: {ipFamilies: [IPv6], selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress, Egress]
          ingress:
          - from:
            - podSelector: {matchLabels: {app: web}}
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.96.0.0/16]}
            - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:66::/48"]}
            ports: [{port: pg}]
          egress:
          - to: [{podSelector: {matchLabels: {app: db}}}]
        """

    static func files() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let set = ManifestSet.decode(YAMLLoader.load(text: input, file: "dual.yaml"))
        return CompileOutputs.emit(Compilation.resolve(set))
    }
}

@Suite(.serialized) struct DualStackOutputsRealToolsTests {
    @Test func bothProxiersAndBothPolicyFilesAreWrittenForEveryNode() {
        let compiled = DualStackCompilation.files()
        #expect(compiled.diagnostics.filter { $0.severity == .error }.isEmpty, "\(compiled.diagnostics)")
        let paths = Set(compiled.files.map(\.path))
        for node in ["w1", "w2"] {
            for name in [
                "iptables.rules", "ip6tables.rules", "policy.rules", "policy6.rules", "policy.ipset", "ipvs.rules",
                "ipset.rules", "ipvs-iptables.rules", "ipvs-ip6tables.rules",
            ] {
                #expect(paths.contains("nodes/\(node)/\(name)"), "nodes/\(node)/\(name)")
            }
        }
    }

    @Test(.enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, iptables-restore and ipset"))
    func everyRuleFileLoadsWithItsTool() {
        let files = DualStackCompilation.files().files
        func file(_ path: String) -> OutputFile? { files.first { $0.path == path } }
        for node in ["w1", "w2"] {
            let namespace = DataplaneHost.uniquePrefix() + "-ds"
            DataplaneHost.withNamespaces([namespace]) {
                for (name, tool) in [("iptables.rules", "iptables-restore"), ("ip6tables.rules", "ip6tables-restore")] {
                    let result = DataplaneHost.exec(namespace, [tool, "--test"], input: file("nodes/\(node)/\(name)")?.contents)
                    #expect(result.succeeded, "\(node) \(name): \(result.error)")
                }
                let ipvsSets = DataplaneHost.exec(namespace, ["ipset", "restore"], input: file("nodes/\(node)/ipset.rules")?.contents)
                #expect(ipvsSets.succeeded, "\(node) ipset.rules: \(ipvsSets.error)")
                for (name, tool) in [("ipvs-iptables.rules", "iptables-restore"), ("ipvs-ip6tables.rules", "ip6tables-restore")] {
                    let result = DataplaneHost.exec(namespace, [tool, "--test"], input: file("nodes/\(node)/\(name)")?.contents)
                    #expect(result.succeeded, "\(node) \(name): \(result.error)")
                }
                let ipvs = file("nodes/\(node)/ipvs.rules")?.text ?? ""
                #expect(ipvs.contains("-A -t 10.96.") && ipvs.contains("-A -t [fd00:10:96::"), "\(ipvs)")
                let sets = DataplaneHost.exec(namespace, ["ipset", "-exist", "restore"], input: file("nodes/\(node)/policy.ipset")?.contents)
                #expect(sets.succeeded, "\(node) policy.ipset: \(sets.error)")
                for (name, tool) in [("policy.rules", "iptables-restore"), ("policy6.rules", "ip6tables-restore")] {
                    let result = DataplaneHost.exec(namespace, [tool, "--noflush"], input: file("nodes/\(node)/\(name)")?.contents)
                    #expect(result.succeeded, "\(node) \(name): \(result.error)")
                }
            }
        }
    }

    @Test(.enabled(if: RealTool.isCI || DNSNginxTools.find("named-checkzone") != nil, "needs named-checkzone (bind9-utils)"))
    func everyZoneIsAcceptedByNamedCheckzoneAndAnswersBothFamilies() throws {
        let zones = DualStackCompilation.files().files.filter { $0.path.hasPrefix("dns/") }
        #expect(Set(zones.map(\.path)) == ["dns/cluster.local.zone", "dns/in-addr.arpa.zone", "dns/ip6.arpa.zone"])
        let cluster = zones.first { $0.path == "dns/cluster.local.zone" }?.text ?? ""
        #expect(cluster.contains("db-0.db.default.svc.cluster.local.\t\tIN\tA\t10.244."))
        #expect(cluster.contains("db-0.db.default.svc.cluster.local.\t\tIN\tAAAA\tfd00:10:244:"))
        #expect(!cluster.contains("web-v6.default.svc.cluster.local.\t\tIN\tA\t"))
        try DNSNginxTools.checkZones(zones)
    }
}
