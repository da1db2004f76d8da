import KubePlan
import Testing

@Suite struct ControllerTests {
    static let clusterNodes =
        node(
            "cp", labels: ["node-role.kubernetes.io/control-plane": ""],
            taints: ["node-role.kubernetes.io/control-plane:NoSchedule"])
        + node("w1") + node("w2", unschedulable: true)

    static func daemonSet(tolerations: String = "", cpu: String = "100m") -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
        \(tolerations)
              containers:
                - name: agent
                  image: agent:1
                  resources:
                    requests:
                      cpu: \(cpu)
        ---

        """
    }

    @Test func daemonSetSkipsTaintedControlPlaneButRunsOnCordonedNodes() {
        let result = plan(Self.clusterNodes + Self.daemonSet())
        #expect(Set(result.plan.pods.compactMap(\.node)) == ["w1", "w2"])
    }

    @Test func daemonSetWithTolerationRunsOnEveryNode() {
        let toleration = """
                  tolerations:
                    - key: node-role.kubernetes.io/control-plane
                      operator: Exists
                      effect: NoSchedule
            """
        let result = plan(Self.clusterNodes + Self.daemonSet(tolerations: toleration))
        #expect(Set(result.plan.pods.compactMap(\.node)) == ["cp", "w1", "w2"])
    }

    @Test func daemonPodThatDoesNotFitNamesTheOtherNodesAsNodeAffinity() {
        let result = plan(node("n1", cpu: "1") + node("n2", cpu: "8") + Self.daemonSet(cpu: "2"))
        let pending = result.plan.unschedulable
        #expect(pending.count == 1)
        #expect(
            pending.first?.message == "0/2 nodes are available: 1 Insufficient cpu, "
                + "1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: "
                + "2 Preemption is not helpful for scheduling.")
    }

    @Test func statefulSetPodsAreNumberedFromOrdinalsStart() {
        let statefulSet = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              replicas: 3
              serviceName: db-hs
              ordinals:
                start: 5
              selector:
                matchLabels:
                  app: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                    - name: db
                      image: postgres
            ---

            """
        let result = plan(node("n1") + statefulSet)
        #expect(result.plan.pods.map(\.name) == ["db-5", "db-6", "db-7"])
        let state = result.state.pods.first { $0.name == "db-6" }
        #expect(state?.hostname == "db-6")
        #expect(state?.subdomain == "db-hs")
        #expect(state?.labels["statefulset.kubernetes.io/pod-name"] == "db-6")
        #expect(state?.labels["apps.kubernetes.io/pod-index"] == "6")
    }

    @Test func deploymentPodsAreNamedAfterTheirReplicaSet() throws {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: nginx
            ---

            """
        let result = plan(node("n1") + deployment)
        let alphabet = Set("bcdfghjklmnpqrstvwxz2456789")
        for pod in result.plan.pods {
            let parts = pod.name.split(separator: "-")
            try #require(parts.count == 3)
            #expect(parts[0] == "web")
            #expect(parts[2].count == 5 && parts[2].allSatisfy(alphabet.contains))
            #expect(parts[1].allSatisfy(alphabet.contains))
            let state = result.state.pods.first { $0.name == pod.name }
            #expect(state?.labels["pod-template-hash"] == String(parts[1]))
        }
        #expect(Set(result.plan.pods.map(\.name)).count == 2)
    }

    @Test func jobRunsMinOfParallelismAndCompletions() {
        let job = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: report
            spec:
              completions: 5
              parallelism: 2
              completionMode: Indexed
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: main
                      image: busybox
            ---

            """
        let result = plan(node("n1") + job)
        #expect(result.plan.pods.count == 2)
        #expect(result.plan.pods.allSatisfy { $0.name.hasPrefix("report-0-") || $0.name.hasPrefix("report-1-") })
        #expect(Set(result.state.pods.compactMap(\.hostname)) == ["report-0", "report-1"])
    }

    @Test func podWithNodeNameIsBoundWithoutScheduling() {
        let result = plan(node("n1", taints: ["x:NoSchedule"]) + pod("p", spec: "  nodeName: n1\n"))
        #expect(result.node(of: "default/p") == "n1")
        #expect(result.plan.pods.first?.preBound == true)
    }

    @Test func higherPriorityPodsAreScheduledFirst() {
        let result = plan(
            node("n1", cpu: "1") + pod("a-low", cpu: "800m") + pod("b-high", cpu: "800m", spec: "  priority: 1000\n"))
        #expect(result.node(of: "default/b-high") == "n1")
        #expect(result.node(of: "default/a-low") == nil)
    }
}

@Suite struct PriorityTests {
    @Test func priorityClassObjectsSetThePriority() {
        let priorityClass = """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: urgent
            value: 5000
            ---

            """
        let result = plan(
            node("n1", cpu: "1") + priorityClass + pod("a-normal", cpu: "800m")
                + pod("b-urgent", cpu: "800m", spec: "  priorityClassName: urgent\n"))
        #expect(result.node(of: "default/b-urgent") == "n1")
        #expect(result.plan.pods.first { $0.name == "b-urgent" }?.priority == 5000)
        #expect(result.node(of: "default/a-normal") == nil)
    }

    @Test func lowerPriorityPodsOnTheNodeAreNamedInThePreemptionPart() {
        let result = plan(
            node("n1", cpu: "1") + pod("low", cpu: "800m", spec: "  nodeName: n1\n")
                + pod("high", cpu: "800m", spec: "  priority: 100\n"))
        #expect(
            result.message(of: "default/high")
                == "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: "
                + "1 node(s) had lower-priority pods to preempt (kubec does not simulate preemption).")
    }
}

/// A v1 ReplicationController makes pods as a ReplicaSet does.
@Suite struct ReplicationControllerTests {
    static func controller(replicas: String = "replicas: 3", selector: String = "  selector:\n    app: redis\n") -> String {
        """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: redis
        spec:
          \(replicas)
        \(selector)  template:
            metadata:
              labels: {app: redis, tier: cache}
            spec:
              containers: [{name: redis, image: "redis:7"}]
        ---

        """
    }

    @Test func itsReplicasArePlacedAndOwnedByIt() {
        let result = plan(node("w1") + node("w2") + Self.controller())
        #expect(result.plan.pods.count == 3)
        #expect(result.plan.pods.allSatisfy { $0.node != nil })
        #expect(result.plan.pods.allSatisfy { $0.owner == OwnerReference(kind: "ReplicationController", name: "redis") })
        #expect(result.plan.pods.allSatisfy { $0.name.hasPrefix("redis-") && $0.name.count == "redis-".count + 5 })
    }

    @Test func replicasDefaultToOneAndTheSelectorToTheTemplateLabels() {
        let result = plan(node("w1") + Self.controller(replicas: "minReadySeconds: 0", selector: ""))
        #expect(result.plan.pods.count == 1)
    }

    @Test func zeroReplicasMakeNoPod() {
        #expect(plan(node("w1") + Self.controller(replicas: "replicas: 0")).plan.pods.isEmpty)
    }
}
