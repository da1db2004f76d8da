import Foundation

/// Issue 17's large diff page: a before/after pair on a cluster of `nodes` nodes (10 zones), for
/// `kubec diff DIR/before DIR/after --cluster DIR/cluster --output html`.
///
/// Deterministic (no randomness). Before: `deployments` Deployments of 3 pods (30,000 pods for 10,000) and a
/// Service for every 200th. After, the changes a release brings: every 100th Deployment a new image (a rollout:
/// its pods are replaced), every 100th from the 50th one replica more (a pod lands on some node), and the
/// first Service a new port (the rule files of every node change, so every node has a section).
package enum DiffScaleInputs {
    /// `DIR/cluster/`, `DIR/before/` and `DIR/after/` written under `directory`; returns the three paths.
    @discardableResult
    package static func write(to directory: String, nodes: Int, deployments: Int) throws -> (
        cluster: String, before: String, after: String
    ) {
        let paths = (cluster: directory + "/cluster", before: directory + "/before", after: directory + "/after")
        for path in [paths.cluster, paths.before, paths.after] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        try cluster(nodes: nodes).write(toFile: paths.cluster + "/cluster.yaml", atomically: false, encoding: .utf8)
        try workloads(deployments: deployments, changed: false)
            .write(toFile: paths.before + "/apps.yaml", atomically: false, encoding: .utf8)
        try workloads(deployments: deployments, changed: true)
            .write(toFile: paths.after + "/apps.yaml", atomically: false, encoding: .utf8)
        return paths
    }

    /// The Cluster document and `nodes` Nodes; clusterCIDR 10.64.0.0/14 holds 1,024 node /24s and stays clear
    /// of the Service range.
    package static func cluster(nodes: Int) -> String {
        var text = """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: scale}
            spec:
              serviceCIDR: 10.96.0.0/12
              clusterCIDR: 10.64.0.0/14

            """
        for index in 0..<nodes {
            let name = String(format: "node-%04d", index)
            text += """
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: \(name)
                  labels: {kubernetes.io/hostname: \(name), topology.kubernetes.io/zone: zone-\(index % 10)}
                spec: {podCIDR: 10.\(64 + index / 256).\(index % 256).0/24}
                status:
                  addresses: [{type: InternalIP, address: 192.168.\(index / 250).\(index % 250 + 1)}]
                  allocatable: {cpu: "32", memory: 128Gi, pods: "110"}

                """
        }
        return text
    }

    /// The Deployments and Services of one side.
    package static func workloads(deployments: Int, changed: Bool) -> String {
        var text = ""
        text.reserveCapacity(deployments * 600)
        for index in 0..<deployments {
            let name = "app-\(index)"
            let namespace = "ns-\(index % 20)"
            let image = changed && index % 100 == 0 ? "nginx:1.27.3" : "nginx:1.27.2"
            let replicas = changed && index % 100 == 50 ? 4 : 3
            text += """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: \(name), namespace: \(namespace)}
                spec:
                  replicas: \(replicas)
                  selector: {matchLabels: {app: \(name)}}
                  template:
                    metadata: {labels: {app: \(name)}}
                    spec:
                      containers:
                      - name: main
                        image: \(image)
                        ports: [{containerPort: 8080}]
                        resources: {requests: {cpu: 100m, memory: 128Mi}}

                """
            guard index % 200 == 0 else { continue }
            let port = changed && index == 0 ? 8080 : 80
            text += """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: \(name), namespace: \(namespace)}
                spec:
                  selector: {app: \(name)}
                  ports: [{port: \(port), targetPort: 8080}]

                """
        }
        return text
    }
}
