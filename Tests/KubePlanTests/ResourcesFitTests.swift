import KubePlan
import Testing

@Suite struct ResourcesFitTests {
    @Test func podRequestTakesTheLargestInitContainerOverTheContainerSum() {
        let result = plan(node("n1", cpu: "2") + pod("p", cpu: "500m", spec: """
              initContainers:
                - name: init
                  image: busybox
                  resources:
                    requests:
                      cpu: "3"
            """))
        #expect(result.message(of: "default/p")?.hasPrefix("0/1 nodes are available: 1 Insufficient cpu.") == true)
    }

    @Test func sidecarInitContainersAddToTheContainers() {
        let result = plan(node("n1", cpu: "1") + pod("p", cpu: "600m", spec: """
              initContainers:
                - name: proxy
                  image: envoy
                  restartPolicy: Always
                  resources:
                    requests:
                      cpu: 600m
            """))
        #expect(result.plan.pods[0].requests.milliCPU == 1200)
        #expect(result.node(of: "default/p") == nil)
    }

    @Test func overheadCountsTowardsFit() {
        let fits = plan(node("n1", cpu: "1") + pod("p", cpu: "900m"))
        #expect(fits.node(of: "default/p") == "n1")
        let overhead = plan(node("n1", cpu: "1") + pod("p", cpu: "900m", spec: "  overhead:\n    cpu: 200m\n"))
        #expect(overhead.node(of: "default/p") == nil)
    }

    @Test func limitsWithoutRequestsAreRequests() throws {
        let limits = "      resources:\n        limits:\n          memory: 2Gi\n"
        let result = plan(node("n1", memory: "1Gi") + pod("p", spec: "").replacingOccurrences(
            of: "image: busybox:1.36\n", with: "image: busybox:1.36\n" + limits))
        try #require(result.plan.pods.count == 1)
        #expect(result.plan.pods[0].requests.memory == 2 * 1024 * 1024 * 1024)
    }

    @Test func insufficientCPUAndMemoryAreBothReported() {
        let result = plan(node("n1", cpu: "1", memory: "1Gi") + pod("p", cpu: "2", memory: "2Gi"))
        #expect(result.message(of: "default/p")?.hasPrefix(
            "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.") == true)
    }

    @Test func requestsAccumulateAcrossPods() {
        let result = plan(node("n1", cpu: "1") + pod("a", cpu: "600m") + pod("b", cpu: "600m"))
        #expect(result.node(of: "default/a") == "n1")
        #expect(result.message(of: "default/b")?.hasPrefix("0/1 nodes are available: 1 Insufficient cpu.") == true)
    }

    @Test func podsAllocatableLimitsThePodCount() {
        let result = plan(node("n1", pods: "2") + pod("a") + pod("b") + pod("c"))
        #expect(result.podsPerNode["n1"] == 2)
        #expect(result.message(of: "default/c")?.hasPrefix("0/1 nodes are available: 1 Too many pods.") == true)
    }

    @Test func bestEffortPodsFitAFullNode() {
        let result = plan(node("n1", cpu: "1") + pod("a", cpu: "1") + pod("b"))
        #expect(result.node(of: "default/b") == "n1")
    }
}
