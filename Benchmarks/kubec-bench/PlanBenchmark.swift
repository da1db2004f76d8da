import Foundation
import KubeModel
import KubePlan
import KubeYAML

/// Issue 5's figures: `Planner.plan` on generated clusters — 10,000 Deployments × 3 replicas with preferred
/// pod anti-affinity on hostname and a ScheduleAnyway zone spread, on 1,000 nodes (target ≤ 2 s), and the
/// same shape at 150,000 pods on 5,000 nodes (target ≤ 60 s). Loading and decoding are not timed.
enum PlanBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        var results: [BenchResult] = []
        // KUBEC_BENCH_PLAN_PODS=30000 runs one size only (for profiling).
        let only = ProcessInfo.processInfo.environment["KUBEC_BENCH_PLAN_PODS"].flatMap(Int.init)
        for (deployments, nodes, target) in [(1_000, 100, nil), (10_000, 1_000, 2.0), (50_000, 5_000, 60.0)]
            as [(Int, Int, Double?)]
        where only == nil || only == deployments * 3 {
            let set = ManifestSet.decode(
                YAMLLoader.load(text: generate(deployments: deployments, nodes: nodes), file: "bench.yaml"))
            let runs = deployments >= 50_000 ? 1 : 3
            let timing = Stopwatch.best(runs: runs) { Planner.plan(set).plan.unschedulable.count }
            let cpuStart = threadCPUSeconds()
            _ = Planner.plan(set)
            let cpu = threadCPUSeconds() - cpuStart
            let pods = deployments * 3
            let rate = Double(pods) / timing.seconds
            results.append(
                BenchResult(
                    name: "plan \(pods) pods on \(nodes) nodes", seconds: timing.seconds, floor: nil, target: target,
                    note: String(
                        format: "%.0f pods/s, %.2f µs per pod×node, CPU time %.2f s, %d unschedulable", rate,
                        timing.seconds * 1e6 / Double(pods * nodes), cpu, timing.result)))
        }
        return results
    }

    /// CPU time of the calling thread: what the plan costs regardless of other processes on the machine.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Nodes in 10 zones (32 CPU, 128 GiB, 110 pods each) and `deployments` Deployments of 3 replicas.
    static func generate(deployments: Int, nodes: Int) -> String {
        var text = ""
        text.reserveCapacity(deployments * 900 + nodes * 300)
        for index in 0..<nodes {
            let name = "node-\(index)"
            text += """
                apiVersion: v1
                kind: Node
                metadata:
                  name: \(name)
                  labels:
                    kubernetes.io/hostname: \(name)
                    topology.kubernetes.io/zone: zone-\(index % 10)
                status:
                  allocatable: {cpu: "32", memory: 128Gi, pods: "110"}
                ---

                """
        }
        for index in 0..<deployments {
            let name = "app-\(index)"
            text += """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  namespace: ns-\(index % 20)
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: \(name)}
                  template:
                    metadata:
                      labels: {app: \(name), tier: backend}
                    spec:
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 100
                              podAffinityTerm:
                                topologyKey: kubernetes.io/hostname
                                labelSelector:
                                  matchLabels: {app: \(name)}
                      topologySpreadConstraints:
                        - maxSkew: 1
                          topologyKey: topology.kubernetes.io/zone
                          whenUnsatisfiable: ScheduleAnyway
                          labelSelector:
                            matchLabels: {app: \(name)}
                      containers:
                        - name: main
                          image: registry.example/\(name):1
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                ---

                """
        }
        return text
    }
}
