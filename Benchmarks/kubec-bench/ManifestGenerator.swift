import Foundation

/// Writes a realistic manifest set for benchmarks: Deployments, Services and ConfigMaps in many files.
///
/// Deterministic (no randomness): the same count always produces the same bytes.
enum ManifestGenerator {
    /// Writes `documents` documents into `directory`, `perFile` to a file; returns the paths and total bytes.
    static func write(documents: Int, perFile: Int = 100, to directory: String) throws -> (paths: [String], bytes: Int) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        var total = 0
        var index = 0
        var fileNumber = 0
        while index < documents {
            var text = ""
            text.reserveCapacity(perFile * 900)
            for _ in 0..<min(perFile, documents - index) {
                text += document(index)
                index += 1
            }
            let path = directory + "/set-\(String(format: "%04d", fileNumber)).yaml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
            total += text.utf8.count
            fileNumber += 1
        }
        return (paths, total)
    }

    static func document(_ index: Int) -> String {
        let app = "app-\(index / 3)"
        let namespace = "team-\(index / 3 % 17)"
        switch index % 3 {
        case 0:
            return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(app)
                  namespace: \(namespace)
                  labels:
                    app.kubernetes.io/name: \(app)
                    app.kubernetes.io/part-of: bench
                  annotations:
                    description: "generated deployment number \(index)"
                spec:
                  replicas: \(1 + index % 5)
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: \(app)
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: \(app)
                        tier: backend
                    spec:
                      containers:
                      - name: server
                        image: registry.example.com/\(app):1.\(index % 40).0
                        args: ["--port=8080", "--log-level=info"]
                        ports:
                        - name: http
                          containerPort: 8080
                          protocol: TCP
                        env:
                        - name: MODE
                          value: "production"
                        - name: REPLICA_HINT
                          value: "\(index)"
                        resources:
                          requests: {cpu: 100m, memory: 128Mi}
                          limits: {cpu: 500m, memory: 256Mi}
                        readinessProbe:
                          httpGet: {path: /healthz, port: http}
                          periodSeconds: 10

                """
        case 1:
            return """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(app)
                  namespace: \(namespace)
                  labels:
                    app.kubernetes.io/name: \(app)
                spec:
                  type: ClusterIP
                  selector:
                    app.kubernetes.io/name: \(app)
                  ports:
                  - name: http
                    port: 80
                    targetPort: http
                    protocol: TCP

                """
        default:
            return """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(app)-config
                  namespace: \(namespace)
                data:
                  settings.yaml: |
                    listen: 0.0.0.0:8080
                    workers: \(index % 8 + 1)
                    features: [a, b, c]
                  LOG_LEVEL: info
                  FEATURE_FLAG: "on"

                """
        }
    }
}
