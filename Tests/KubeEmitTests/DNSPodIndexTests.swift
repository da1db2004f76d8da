import KubeModel
import KubePlan
import Testing

@testable import KubeEmit

/// The DNS emitter looks pods up only for the hostname rule of headless Services' endpoints, so it indexes only
/// the pods those endpoints name (a cluster of ClusterIP Services hashes no pod name at all).
struct DNSPodIndexTests {
    @Test func indexHoldsThePodsHeadlessEndpointsName() {
        let state = DNSZoneEmitterFixture.state
        let index = DNSRecordBuilder.podIndex(services: state.services, pods: state.pods)
        var named = Set<String>()
        for service in state.services where service.isHeadless {
            for port in service.ports { for endpoint in port.endpoints { if let pod = endpoint.podName { named.insert(pod) } } }
        }
        #expect(!index.isEmpty)
        #expect(Set(index.keys) == named.intersection(state.pods.map { $0.namespace + "/" + $0.name }))
    }

    @Test func noHeadlessServiceMeansAnEmptyIndex() {
        var state = DNSZoneEmitterFixture.state
        state.services.removeAll { $0.isHeadless }
        #expect(DNSRecordBuilder.podIndex(services: state.services, pods: state.pods).isEmpty)
        #expect(!state.pods.isEmpty)
    }
}
