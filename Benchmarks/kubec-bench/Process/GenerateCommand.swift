import BenchmarkInputs
import Foundation

/// `kubec-bench generate SHAPE SIZE DIR [one-file|per-file=N] [namespaces=N] [nodes=N]`: writes one generated
/// input, to reproduce a figure by hand (`/usr/bin/time kubec lint DIR`).
///
/// Shapes: `apps` (SIZE documents), `findings` (SIZE Services and SIZE Deployments), `density` (SIZE
/// Deployments × 3 pods), `dataplane` (SIZE Services × 3 endpoints), `reach` (SIZE namespaces of 10 pods),
/// `diff` (DIR/before, DIR/after and DIR/cluster: SIZE Deployments × 3 pods on `nodes` nodes, `DiffScaleInputs`).
enum GenerateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 3, let size = Int(arguments[1]) else {
            print("usage: kubec-bench generate apps|findings|density|dataplane|reach|diff SIZE DIR [one-file|per-file=N] [namespaces=N] [nodes=N]")
            return 2
        }
        var options: [String: Int] = [:]
        var layout = ClusterInputs.Layout.files(perFile: 100)
        for argument in arguments.dropFirst(3) {
            if argument == "one-file" { layout = .oneFile; continue }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, let value = Int(parts[1]) { options[parts[0]] = value }
        }
        if let perFile = options["per-file"] { layout = .files(perFile: perFile) }
        if arguments[0] == "diff" {
            do {
                try DiffScaleInputs.write(to: arguments[2], nodes: options["nodes"] ?? 1_000, deployments: size)
                print("diff pair in \(arguments[2])/before, /after; --cluster \(arguments[2])/cluster")
                return 0
            } catch {
                print("generate failed: \(error)")
                return 1
            }
        }
        let documents: [String]
        switch arguments[0] {
        case "apps": documents = ClusterInputs.applications(documents: size, namespaces: options["namespaces"] ?? 17)
        case "findings": documents = ClusterInputs.findings(services: size)
        case "density": documents = ClusterInputs.density(deployments: size, nodes: options["nodes"] ?? 1_000)
        case "dataplane": documents = ClusterInputs.dataplane(services: size, nodes: options["nodes"] ?? 1)
        case "reach":
            documents = ClusterInputs.reach(namespaces: size, podsPerNamespace: 10, nodes: options["nodes"] ?? 10)
        default:
            print("unknown shape \(arguments[0])")
            return 2
        }
        do {
            let bytes = try ClusterInputs.write(documents, layout: layout, to: arguments[2])
            print("\(documents.count) documents, \(bytes) bytes in \(arguments[2])")
            return 0
        } catch {
            print("generate failed: \(error)")
            return 1
        }
    }
}
