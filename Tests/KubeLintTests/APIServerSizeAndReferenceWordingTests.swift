import KubeLint
import KubeTestSupport
import KubeYAML
import Testing

/// Size limits (`field.TooLong`, worded as since Kubernetes 1.32), the HPA's reference apiVersions (validated
/// since 1.34) and a PVC's two data sources: each finding is the API server's message at the field's position.
struct APIServerSizeAndReferenceWordingTests {
    static func error(_ marked: String) throws -> String { try APIServerWordingTests.error(marked) }

    @Test func aSecretOverOneMebibyteIsTooLongOnData() throws {
        let big = String(repeating: "a", count: (1 << 20) + 1)
        let message = try Self.error(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: big}\n↓stringData:\n  blob: \(big)\n")
        #expect(message == "data: Too long: may not be more than 1048576 bytes")
    }

    @Test func annotationsOverTheTotalSizeAreTooLongInTheSameWords() throws {
        let big = String(repeating: "a", count: 1 << 18)
        let message = try Self.error(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    ↓note: \(big)\n")
        #expect(message == "metadata.annotations: Too long: may not be more than 262144 bytes")
    }

    @Test func annotationsAtExactlyTheLimitAreAccepted() {
        let value = String(repeating: "a", count: (1 << 18) - 4)
        let findings = Lint.run(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    note: \(value)\n")
        #expect(!findings.contains { $0.message.contains("Too long") })
    }

    @Test func aScaleTargetWithoutAnAPIVersion() throws {
        let message = try Self.error(
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {↓kind: Deployment, name: web}
              maxReplicas: 3
            """)
        #expect(message == "spec.scaleTargetRef.apiVersion: Invalid value: \"\": apiVersion must specify API group")
    }

    @Test func aScaleTargetInTheCoreGroupThatIsNotAReplicationController() throws {
        let message = try Self.error(
            """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: ↓v1, kind: Deployment, name: web}
              maxReplicas: 3
            """)
        #expect(message == "spec.scaleTargetRef.apiVersion: Invalid value: \"v1\": apiVersion must specify API group")
    }

    @Test func aReplicationControllerTargetMayNameTheCoreGroup() {
        let findings = Lint.run(
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: v1, kind: ReplicationController, name: web}
              maxReplicas: 3
            """)
        #expect(!findings.contains { $0.rule == "invalid-hpa-spec" })
    }

    @Test func aDescribedObjectWithTwoSlashes() throws {
        let message = try Self.error(
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 3
              metrics:
              - type: Object
                object:
                  describedObject: {apiVersion: ↓a/b/c, kind: Ingress, name: main}
                  metric: {name: rps}
                  target: {type: Value, value: "10"}
            """)
        #expect(
            message
                == "spec.metrics[0].object.describedObject.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c"
        )
    }

    @Test func twoDataSourcesThatDiffer() throws {
        let message = try Self.error(
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: restored}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
              ↓dataSource: {kind: PersistentVolumeClaim, name: a}
              dataSourceRef: {kind: PersistentVolumeClaim, name: b}
            """)
        #expect(message == "spec: Invalid value: spec.dataSource: must match dataSourceRef")
    }

    @Test func anEmptyAPIGroupDiffersFromNone() throws {
        let message = try Self.error(
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: restored}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
              ↓dataSource: {apiGroup: "", kind: PersistentVolumeClaim, name: a}
              dataSourceRef: {kind: PersistentVolumeClaim, name: a}
            """)
        #expect(message == "spec: Invalid value: spec.dataSource: must match dataSourceRef")
    }

    @Test func aClaimTemplateWithDataSourcesThatDifferIsReportedAtItsPath() throws {
        let message = try Self.error(
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                  ↓dataSource: {kind: PersistentVolumeClaim, name: a}
                  dataSourceRef: {kind: PersistentVolumeClaim, name: b}
            """)
        #expect(
            message
                == "spec.volumeClaimTemplates[0].spec: Invalid value: spec.volumeClaimTemplates[0].spec.dataSource: must match dataSourceRef"
        )
    }
}
