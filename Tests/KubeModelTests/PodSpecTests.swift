import KubeModel
import Testing

@Suite struct PodSpecTests {
    private func podSpec(_ spec: String) -> PodSpec? {
        guard case .pod(let pod) = object("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + spec) else {
            return nil
        }
        return pod.spec
    }

    @Test func limitWithoutRequestRequestsTheLimit() throws {
        let spec = try #require(
            podSpec(
                """
                  containers: [{name: a, resources: {limits: {cpu: 500m, memory: 1Gi}}}]
                """))
        #expect(spec.effectiveRequests.cpu == Quantity("500m"))
        #expect(spec.effectiveRequests.memory == Quantity("1Gi"))
    }

    @Test func largestInitContainerWinsOverTheSumWhenBigger() throws {
        let spec = try #require(
            podSpec(
                """
                  initContainers: [{name: i, resources: {requests: {cpu: "2"}}}]
                  containers:
                  - {name: a, resources: {requests: {cpu: 500m}}}
                  - {name: b, resources: {requests: {cpu: 500m}}}
                """))
        #expect(spec.effectiveRequests.cpu == Quantity("2"))
    }

    @Test func sidecarInitContainersAddToTheSum() throws {
        let spec = try #require(
            podSpec(
                """
                  initContainers: [{name: s, restartPolicy: Always, resources: {requests: {cpu: 100m}}}]
                  containers: [{name: a, resources: {requests: {cpu: 500m}}}]
                  overhead: {cpu: 50m}
                """))
        #expect(spec.effectiveRequests.cpu == Quantity("650m"))
    }

    @Test func numericQuantitiesAreDecimal() throws {
        let spec = try #require(
            podSpec(
                """
                  containers: [{name: a, resources: {requests: {cpu: 1e3, memory: 1000}}}]
                """))
        #expect(spec.containers[0].resources.requests.cpu?.description == "1k")
        #expect(spec.containers[0].resources.requests.memory?.description == "1k")
    }

    @Test func volumeSourcesNameWhatTheyReference() throws {
        let spec = try #require(
            podSpec(
                """
                  containers: [{name: a}]
                  volumes:
                  - {name: s, secret: {secretName: tls, optional: true}}
                  - name: p
                    projected: {sources: [{configMap: {name: c1}}, {secret: {name: s1}}]}
                  - {name: h, hostPath: {path: /var/log}}
                  - {name: n, nfs: {server: x, path: /}}
                """))
        #expect(
            spec.volumes.map(\.source) == [
                .secret(secretName: "tls", optional: true), .projected(configMaps: ["c1"], secrets: ["s1"]),
                .hostPath(path: "/var/log"), .other("nfs"),
            ])
    }

    @Test func envFromSecretIsRecognised() throws {
        let spec = try #require(
            podSpec(
                """
                  containers: [{name: a, envFrom: [{secretRef: {name: creds, optional: true}}]}]
                """))
        #expect(spec.containers[0].envFrom.first?.source == .secret)
        #expect(spec.containers[0].envFrom.first?.optional == true)
    }

    @Test func probeHandlersKeepTheirPorts() throws {
        let spec = try #require(
            podSpec(
                """
                  containers:
                  - name: a
                    livenessProbe: {grpc: {port: 9090}}
                    readinessProbe: {httpGet: {port: 8080, path: /ready, scheme: HTTPS}}
                """))
        #expect(spec.containers[0].livenessProbe?.port == .int(9090))
        #expect(
            spec.containers[0].readinessProbe?.handler == .httpGet(path: "/ready", port: .int(8080), scheme: "HTTPS"))
    }

    @Test func wrongMetadataTypeIsReportedAndTheRestDecodes() {
        let set = decode(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, labels: [a, b]}
            spec: {containers: [{name: a, image: nginx}]}
            """)
        #expect(set.diagnostics.map(\.path) == ["metadata.labels"])
        #expect(set.pods.first?.spec.containers.first?.image == "nginx")
    }

    @Test func cronJobWorkloadUsesTheJobTemplatesPodTemplate() throws {
        let set = decode(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              schedule: "@hourly"
              jobTemplate: {spec: {template: {metadata: {labels: {app: c}}, spec: {containers: [{name: x}]}}}}
            """)
        let workload = try #require(set.workloads.first)
        #expect(workload.template.labels == ["app": "c"])
        #expect(workload.desiredPods == nil)
    }
}

@Suite struct PodLevelResourcesTests {
    @Test func podLevelRequestsReplaceTheContainerSumForTheirResources() throws {
        guard
            case .pod(let pod) = object(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  resources: {requests: {cpu: "1"}}
                  containers: [{name: a, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
                """)
        else {
            Issue.record("not a pod")
            return
        }
        #expect(pod.spec.effectiveRequests.cpu == Quantity("1"))
        #expect(pod.spec.effectiveRequests.memory == Quantity("64Mi"))
    }
}

@Suite struct InitContainerRequestTests {
    @Test func sidecarDeclaredAfterAClassicInitContainerIsNotAddedToItsPeak() throws {
        guard
            case .pod(let pod) = object(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                  - {name: setup, resources: {requests: {cpu: "2"}}}
                  - {name: proxy, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
                  containers: [{name: a, resources: {requests: {cpu: 100m}}}]
                """)
        else {
            Issue.record("not a pod")
            return
        }
        #expect(pod.spec.effectiveRequests.cpu == Quantity("2"))
    }

    @Test func sidecarDeclaredBeforeAClassicInitContainerRaisesItsPeak() throws {
        guard
            case .pod(let pod) = object(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                  - {name: proxy, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
                  - {name: setup, resources: {requests: {cpu: "2"}}}
                  containers: [{name: a, resources: {requests: {cpu: 100m}}}]
                """)
        else {
            Issue.record("not a pod")
            return
        }
        #expect(pod.spec.effectiveRequests.cpu == Quantity("2.1"))
    }
}
