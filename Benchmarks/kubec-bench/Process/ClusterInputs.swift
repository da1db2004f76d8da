import Foundation

/// Generated inputs shaped like real clusters, written as files for `kubec` to read as a user's would.
///
/// Deterministic (no randomness): the same shape and size always give the same bytes. Every shape is sized by
/// a count of documents (or of pods), so the growth check can double it.
enum ClusterInputs {
    /// Whether a set goes into one big file or into many small ones.
    enum Layout {
        case oneFile
        /// This many documents to a file.
        case files(perFile: Int)
    }

    /// Writes `documents` in `layout` under `directory` (created); returns the total bytes.
    @discardableResult
    static func write(_ documents: [String], layout: Layout, to directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let perFile: Int
        switch layout {
        case .oneFile: perFile = max(documents.count, 1)
        case .files(let count): perFile = max(count, 1)
        }
        var total = 0
        var start = 0
        var number = 0
        while start < documents.count {
            let end = min(start + perFile, documents.count)
            var text = ""
            text.reserveCapacity((end - start) * 1_000)
            for document in documents[start..<end] { text += "---\n" + document }
            let name = String(format: "part-%05d.yaml", number)
            try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
            total += text.utf8.count
            start = end
            number += 1
        }
        return total
    }

    /// Applications of six or seven documents each until `documents`: a Deployment (pod anti-affinity and a
    /// zone spread over its own pods), a Service, an Ingress, a NetworkPolicy with pod and namespace peers, a
    /// ConfigMap, and a PodDisruptionBudget or a HorizontalPodAutoscaler; spread over `namespaces` namespaces.
    static func applications(documents: Int, namespaces: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(documents + namespaces)
        for index in 0..<namespaces {
            result.append(namespace("team-\(index)"))
        }
        var app = 0
        while result.count < documents {
            let namespace = "team-\(app % max(namespaces, 1))"
            let name = "app-\(app)"
            result.append(deployment(name, namespace: namespace, replicas: 2 + app % 3, wellBehaved: app % 4 != 0))
            result.append(service(name, namespace: namespace, selecting: name))
            result.append(ingress(name, namespace: namespace))
            result.append(networkPolicy(name, namespace: namespace, peer: "app-\(app + 1)"))
            result.append(configMap(name, namespace: namespace, index: app))
            result.append(app % 2 == 0 ? pdb(name, namespace: namespace) : hpa(name, namespace: namespace))
            app += 1
        }
        return Array(result.prefix(documents))
    }

    /// `count` Services and `count` Deployments, every one with a few findings (no probes, no resources, no
    /// security context, a `latest` image; every fourth Service selects no pod): the "thousands of findings" shape.
    static func findings(services count: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(2 * count)
        for index in 0..<count {
            let name = "svc-\(index)"
            let namespace = "ns-\(index % 8)"
            result.append("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: \(name), namespace: \(namespace)}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: \(name)}}
                  template:
                    metadata: {labels: {app: \(name)}}
                    spec:
                      containers:
                      - name: main
                        image: nginx:latest
                        ports: [{containerPort: 8080}]

                """)
            let selected = index % 4 == 0 ? name + "-gone" : name
            result.append("""
                apiVersion: v1
                kind: Service
                metadata: {name: \(name), namespace: \(namespace)}
                spec:
                  selector: {app: \(selected)}
                  ports: [{port: 80, targetPort: 8080}]

                """)
        }
        return result
    }

    /// kube-scheduler's density scenario: `deployments` Deployments of 3 replicas with preferred pod
    /// anti-affinity on the hostname and a ScheduleAnyway zone spread, on `nodes` nodes in 10 zones.
    static func density(deployments: Int, nodes: Int) -> [String] {
        var result = (0..<nodes).map { node("node-\($0)", zone: $0 % 10, cidr: $0) }
        for index in 0..<deployments {
            result.append(deployment("app-\(index)", namespace: "ns-\(index % 20)", replicas: 3, wellBehaved: true))
        }
        return result
    }

    /// `services` Services, each selecting a Deployment of `endpoints` replicas, on `nodes` nodes: the
    /// dataplane shape (`compile`).
    static func dataplane(services: Int, endpoints: Int = 3, nodes: Int) -> [String] {
        var result = (0..<nodes).map { node("n\($0)", zone: $0 % 10, cidr: $0) }
        result.append(cluster())
        for index in 0..<services {
            let name = "svc-\(index)"
            let namespace = "ns-\(index % 20)"
            result.append(deployment(name, namespace: namespace, replicas: endpoints, wellBehaved: true, light: true))
            result.append(service(name, namespace: namespace, selecting: name))
        }
        return result
    }

    /// `namespaces` namespaces of `podsPerNamespace` single-replica Deployments, each namespace with a
    /// default-deny policy and an allow rule from the next namespace: the `reach --matrix` shape.
    static func reach(namespaces: Int, podsPerNamespace: Int, nodes: Int) -> [String] {
        var result = (0..<nodes).map { node("n\($0)", zone: $0 % 10, cidr: $0) }
        for index in 0..<namespaces {
            let name = "team-\(index)"
            result.append(namespace(name))
            for pod in 0..<podsPerNamespace {
                result.append(
                    deployment("app-\(pod)", namespace: name, replicas: 1, wellBehaved: true, light: true))
            }
            result.append(networkPolicy("app-0", namespace: name, peer: "app-1"))
        }
        return result
    }

    /// The same documents with every `every`-th one changed (an annotation added), for `diff`.
    static func changed(_ documents: [String], every: Int) -> [String] {
        documents.enumerated().map { index, document in
            guard index % every == every / 2 else { return document }
            return document
                .replacingOccurrences(of: "\nmetadata: {name: ", with: "\nmetadata: {annotations: {rev: \"2\"}, name: ")
                .replacingOccurrences(of: "\nmetadata:\n  name: ", with: "\nmetadata:\n  annotations: {rev: \"2\"}\n  name: ")
        }
    }

    // MARK: - Documents

    static func namespace(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(name)
          labels: {team: \(name)}

        """
    }

    static func node(_ name: String, zone: Int, cidr: Int) -> String {
        """
        apiVersion: v1
        kind: Node
        metadata:
          name: \(name)
          labels:
            kubernetes.io/hostname: \(name)
            topology.kubernetes.io/zone: zone-\(zone)
        spec:
          podCIDR: 10.\(64 + cidr / 256).\(cidr % 256).0/24
        status:
          addresses: [{type: InternalIP, address: 192.168.\(cidr / 250).\(cidr % 250 + 1)}]
          allocatable: {cpu: "32", memory: 128Gi, pods: "110"}

        """
    }

    static func cluster() -> String {
        """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: bench}
        spec:
          serviceCIDR: 10.96.0.0/12
          clusterCIDR: 10.64.0.0/10

        """
    }

    static func deployment(
        _ name: String, namespace: String, replicas: Int, wellBehaved: Bool, light: Bool = false
    ) -> String {
        let scheduling = light ? "" : """
                  affinity:
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 100
                        podAffinityTerm:
                          topologyKey: kubernetes.io/hostname
                          labelSelector: {matchLabels: {app: \(name)}}
                  topologySpreadConstraints:
                  - maxSkew: 1
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: ScheduleAnyway
                    labelSelector: {matchLabels: {app: \(name)}}

            """
        let probe = wellBehaved ? """
                    readinessProbe:
                      httpGet: {path: /healthz, port: http}

            """ : ""
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)
              labels: {app: \(name), app.kubernetes.io/part-of: bench}
            spec:
              replicas: \(replicas)
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name), tier: backend}
                spec:
            \(scheduling)      containers:
                  - name: main
                    image: registry.example.com/\(name):1.\(name.utf8.count % 7).0
                    ports: [{name: http, containerPort: 8080}]
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {cpu: 500m, memory: 256Mi}
            \(probe)
            """
    }

    static func service(_ name: String, namespace: String, selecting app: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(name), namespace: \(namespace), labels: {app: \(name)}}
        spec:
          selector: {app: \(app)}
          ports:
          - {name: http, port: 80, targetPort: http, protocol: TCP}

        """
    }

    static func ingress(_ name: String, namespace: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          rules:
          - host: \(name).\(namespace).example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: \(name), port: {name: http}}

        """
    }

    static func networkPolicy(_ name: String, namespace: String, peer: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          podSelector: {matchLabels: {app: \(name)}}
          policyTypes: [Ingress]
          ingress:
          - from:
            - podSelector: {matchLabels: {app: \(peer)}}
            - namespaceSelector: {matchLabels: {team: \(namespace)}}
              podSelector:
                matchExpressions: [{key: tier, operator: In, values: [backend, frontend]}]
            ports: [{port: http}]

        """
    }

    static func configMap(_ name: String, namespace: String, index: Int) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: \(name), namespace: \(namespace)}
        data:
          settings.yaml: |
            listen: 0.0.0.0:8080
            workers: \(index % 8 + 1)
          LOG_LEVEL: info

        """
    }

    static func pdb(_ name: String, namespace: String) -> String {
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: \(name)}}

        """
    }

    static func hpa(_ name: String, namespace: String) -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: \(name)}
          minReplicas: 2
          maxReplicas: 6
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}

        """
    }
}
