import Foundation
import KubeLint
import KubeTestSupport
import KubeYAML
import Testing

/// The `api-warning` texts about values (fractional byte quantities, `hostIP` without `hostPort`, non-standard IP
/// and CIDR text), word for word and at their `↓` markers.
struct APIWarningValueTests {
    /// The api-warning messages of `marked`, whose positions must be its markers, in order.
    private func warnings(_ marked: String, minor: Int? = nil) -> [String] {
        let source = MarkedSource(marked)
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        let found = Lint.run(source.text, configuration: configuration).filter { $0.rule == "api-warning" }
        #expect(found.map { $0.range?.start } == source.locations, "\(found.map(\.message))")
        return found.map(\.message)
    }

    @Test func fractionalMemoryAndEphemeralStorageOfAContainer() {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: web:1.0
                    resources:
                      limits: {memory: ↓"1.5", ephemeral-storage: 1Gi}
                      requests: {memory: 0.5Ki, ephemeral-storage: ↓100m}
            """
        #expect(warnings(text) == [
            #"spec.template.spec.containers[0].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer"#,
            #"spec.template.spec.containers[0].resources.requests[ephemeral-storage]: fractional byte value "100m" is invalid, must be an integer"#,
        ])
    }

    @Test func aStatefulSetsClaimTemplatesUseTheCreatePathWithoutSpec() {
        let text = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: db:1.0}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: ↓"2.5"}}
            """
        #expect(warnings(text) == [
            #"spec.volumeClaimTemplates[0].resources.requests[storage]: fractional byte value "2500m" is invalid, must be an integer"#,
        ])
    }

    @Test func aClaimsBetaStorageClassAnnotationAndFractionalLimit() {
        let text = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
              annotations: {↓volume.beta.kubernetes.io/storage-class: fast}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}, limits: {storage: ↓1500m}}
            """
        #expect(warnings(text) == [
            #"metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead"#,
            #"spec.resources.limits[storage]: fractional byte value "1500m" is invalid, must be an integer"#,
        ])
    }

    @Test func anEphemeralVolumesClaimTemplate() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: c:1.0}]
              volumes:
              - name: scratch
                ephemeral:
                  volumeClaimTemplate:
                    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ↓0.5}}}
            """
        #expect(warnings(text) == [
            "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: "
                + #"fractional byte value "500m" is invalid, must be an integer"#,
        ])
    }

    @Test func aHostIPWithoutAHostPortPrintsThePort() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: c:1.0
                ports:
                - {containerPort: 80, hostIP: ↓10.0.0.1}
                - {name: dns, containerPort: 53, protocol: UDP, hostIP: ↓10.0.0.2}
                - {containerPort: 443, hostPort: 443, hostIP: 10.0.0.3}
            """
        #expect(warnings(text) == [
            "spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.1}",
            "spec.containers[0].ports[1]: hostIP set without hostPort: {Name:dns HostPort:0 ContainerPort:53 Protocol:UDP HostIP:10.0.0.2}",
        ])
    }

    private let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports: [{port: 80}]
          externalIPs: [↓192.0.2.010, ↓"2001:db8:0:0::2", ↓"::ffff:192.0.2.1"]
          loadBalancerSourceRanges: [↓"2001:db8:1:0::/64"]
        """

    @Test func serviceIPsIn132QuoteGosParseError() {
        let text = service.replacingOccurrences(of: "↓\"::ffff", with: "\"::ffff")
        #expect(warnings(text, minor: 32) == [
            "spec.externalIPs[0]: IP address was accepted, but will be invalid in a future Kubernetes release: "
                + #"ParseAddr("192.0.2.010"): IPv4 field has octet with leading zero"#,
            #"spec.externalIPs[1]: IPv6 address "2001:db8:0:0::2" is not in RFC 5952 canonical format ("2001:db8::2"), "#
                + "which may cause controller apply-loops",
            #"spec.loadBalancerSourceRanges[0]: IPv6 prefix "2001:db8:1:0::/64" is not in RFC 5952 canonical format "#
                + #"("2001:db8:1::/64"), which may cause controller apply-loops"#,
        ])
    }

    @Test func serviceIPsFrom133SayNonStandardAndNameTheFix() {
        #expect(warnings(service, minor: 35) == [
            #"spec.externalIPs[0]: non-standard IP address "192.0.2.010" will be considered invalid in a future "#
                + #"Kubernetes release: use "192.0.2.10""#,
            #"spec.externalIPs[1]: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")"#,
            #"spec.externalIPs[2]: non-standard IP address "::ffff:192.0.2.1" will be considered invalid in a future "#
                + #"Kubernetes release: use "192.0.2.1""#,
            #"spec.loadBalancerSourceRanges[0]: IPv6 CIDR value "2001:db8:1:0::/64" should be in RFC 5952 canonical "#
                + #"format ("2001:db8:1::/64")"#,
        ])
    }

    @Test func podNameserversAndHostAliasesFrom133() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              dnsConfig: {nameservers: [1.2.3.4, ↓05.06.07.08]}
              hostAliases: [{ip: ↓"::ffff:1.2.3.4", hostnames: [a]}]
              containers: [{name: c, image: c:1.0}]
            """
        #expect(warnings(text, minor: 33) == [
            #"spec.dnsConfig.nameservers[1]: non-standard IP address "05.06.07.08" will be considered invalid in a "#
                + #"future Kubernetes release: use "5.6.7.8""#,
            #"spec.hostAliases[0].ip: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future "#
                + #"Kubernetes release: use "1.2.3.4""#,
        ])
        #expect(Lint.run(MarkedSource(text).text, configuration: {
            var configuration = LintConfiguration()
            configuration.kubernetesMinor = 32
            return configuration
        }()).filter { $0.rule == "api-warning" }.isEmpty)
    }

    @Test func anAmbiguousIPBlockFrom133() {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np}
            spec:
              podSelector: {}
              ingress:
              - from:
                - ipBlock: {cidr: ↓192.12.2.8/24}
            """
        #expect(warnings(text, minor: 34) == [
            #"spec.ingress[0].from[0].ipBlock.cidr: CIDR value "192.12.2.8/24" is ambiguous in this context "#
                + #"(should be "192.12.2.0/24" or "192.12.2.8/32"?)"#,
        ])
    }
}

/// The 1.33+ IP warnings of Endpoints and EndpointSlices written by hand (controller-managed ones are skipped).
struct APIWarningEndpointsTests {
    @Test func handWrittenEndpointsAndSlicesButNotManagedOnes() {
        let text = """
            apiVersion: v1
            kind: Endpoints
            metadata: {name: ext}
            subsets:
            - addresses: [{ip: 10.0.0.01}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}
            addressType: IPv6
            endpoints: [{addresses: ["2001:DB8::1"]}]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-1
              labels: {endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.01]}]
            """
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = 33
        let found = Lint.run(text, configuration: configuration).filter { $0.rule == "api-warning" }.map(\.message)
        #expect(found == [
            #"subsets[0].addresses[0].ip: non-standard IP address "10.0.0.01" will be considered invalid in a future "#
                + #"Kubernetes release: use "10.0.0.1""#,
            #"endpoints[0].addresses[0]: IPv6 address "2001:DB8::1" should be in RFC 5952 canonical format ("2001:db8::1")"#,
        ])
    }
}
