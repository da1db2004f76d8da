import Dispatch
import KubeDiff
import KubeModel
import KubeYAML

/// Issue 18's figures: `kubec diff` on Argo CD-shaped release bundles, at three sizes, with growth per doubling.
///
/// Self-contained (its own generator and clock). A bundle holds three CRDs whose schemas are deep (every
/// object nests `properties` eight levels down, as Argo CD's `Application` does) and large (the first is about
/// 1 MB at scale 1), plus the Deployments, RBAC and ConfigMaps of an install. Two cases per scale:
/// - one line: the same bundle with one label added to the first CRD (Argo CD 3.4.7 against itself: 210 s before);
/// - reshuffled: the schemas' properties in another order, a field inserted in every object, `required` lists
///   and `enum`s changed, a version added in front (the 3.3 → 3.4 shape: no output after 20 minutes before).
/// Scales 1, 2 and 4 double the schemas' breadth; the note gives the time ratio per doubling (linear: ≈ 2).
enum DiffUpgradeBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        var results: [BenchResult] = []
        var previous: (oneLine: Double, reshuffled: Double)?
        for scale in [1, 2, 4] {
            let old = ArgoShapedBundle.text(scale: scale, variant: .base)
            let oneLine = ArgoShapedBundle.text(scale: scale, variant: .oneLabel)
            let reshuffled = ArgoShapedBundle.text(scale: scale, variant: .reshuffled)
            let oldSet = load(old, "old")
            let oneSet = load(oneLine, "new")
            let shuffledSet = load(reshuffled, "new")
            let options = DiffOptions(roots: ("old", "new"))
            let one = best { ManifestDiff.compare(old: oldSet, new: oneSet, options: options) }
            let shuffled = best { ManifestDiff.compare(old: oldSet, new: shuffledSet, options: options) }
            let size = String(format: "%.1f MB", Double(old.utf8.count) / 1e6)
            func growth(_ now: Double, _ before: Double?) -> String {
                guard let before, before > 0 else { return "" }
                let ratio = now / before
                return String(format: ", ×%.2f for double size%@", ratio, ratio > 3 ? " SUPERLINEAR" : "")
            }
            results.append(
                BenchResult(
                    name: "diff Argo-shaped \(size), one label", seconds: one.seconds,
                    note: "\(one.result.summary.fieldChanges) field change\(growth(one.seconds, previous?.oneLine))"))
            results.append(
                BenchResult(
                    name: "diff Argo-shaped \(size), reshuffled", seconds: shuffled.seconds,
                    note: "\(shuffled.result.summary.fieldChanges) field changes"
                        + growth(shuffled.seconds, previous?.reshuffled)))
            previous = (one.seconds, shuffled.seconds)
        }
        return results
    }

    private static func load(_ text: String, _ root: String) -> ManifestSet {
        ManifestSet.decode(YAMLLoader.load([SourceFile(path: "\(root)/install.yaml", text: text)]), typed: false)
    }

    /// Best of three runs after a warm-up, wall clock.
    private static func best<T>(_ body: () -> T) -> (seconds: Double, result: T) {
        var result = body()
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            result = body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (best, result)
    }
}

/// A generated install bundle shaped like Argo CD's `install.yaml`.
enum ArgoShapedBundle {
    enum Variant {
        case base
        /// One label added to the first CRD's metadata.
        case oneLabel
        /// Schemas reordered and edited throughout, a version added in front.
        case reshuffled
    }

    static func text(scale: Int, variant: Variant) -> String {
        var lines: [String] = []
        let crds: [(String, Int)] = [("Application", 4 * scale), ("ApplicationSet", 2 * scale), ("AppProject", scale)]
        for (index, (kind, breadth)) in crds.enumerated() {
            lines.append("---")
            crd(
                kind, breadth: breadth, label: variant == .oneLabel && index == 0, reshuffled: variant == .reshuffled,
                into: &lines)
        }
        for index in 0..<(20 * scale) { workload(index, into: &lines) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func crd(_ kind: String, breadth: Int, label: Bool, reshuffled: Bool, into lines: inout [String]) {
        let plural = kind.lowercased() + "s"
        lines += [
            "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:",
            "  name: \(plural).argoproj.io", "  labels:", "    app.kubernetes.io/name: \(plural).argoproj.io",
            "    app.kubernetes.io/part-of: argocd",
        ]
        if label { lines.append("    example.com/touched: \"yes\"") }
        lines += [
            "spec:", "  group: argoproj.io", "  names:", "    kind: \(kind)", "    listKind: \(kind)List",
            "    plural: \(plural)", "    singular: \(kind.lowercased())", "  scope: Namespaced", "  versions:",
        ]
        if reshuffled {
            lines += [
                "  - name: v1beta1", "    served: true", "    storage: false", "    schema:", "      openAPIV3Schema:",
            ]
            object(depth: 2, breadth: 1, seed: 7, reshuffled: true, indent: 8, into: &lines)
        }
        lines += [
            "  - name: v1alpha1", "    served: true", "    storage: true", "    schema:", "      openAPIV3Schema:",
        ]
        object(depth: 8, breadth: breadth, seed: 1, reshuffled: reshuffled, indent: 8, into: &lines)
    }

    /// One schema object: `breadth` nested objects (two at deeper levels), an int-or-string, an enum, a list.
    private static func object(
        depth: Int, breadth: Int, seed: Int, reshuffled: Bool, indent: Int, into lines: inout [String]
    ) {
        let pad = String(repeating: " ", count: indent)
        lines += [
            pad + "description: \(description(seed, reshuffled: reshuffled))", pad + "type: object",
            pad + "required:", pad + "- name",
        ]
        if reshuffled, seed % 3 == 0 { lines.append(pad + "- mode\(seed)") }
        lines.append(pad + "properties:")
        var fields: [[String]] = []
        let children = depth == 8 ? breadth : 2
        if depth > 0 {
            for child in 0..<children {
                var nested = [pad + "  child\(child)x\(seed):"]
                object(
                    depth: depth - 1, breadth: breadth, seed: (seed &* 31 &+ child + 1) & 0xFFFFFF,
                    reshuffled: reshuffled,
                    indent: indent + 4, into: &nested)
                fields.append(nested)
            }
        }
        fields.append([pad + "  name:", pad + "    description: The name of the thing.", pad + "    type: string"])
        fields.append([
            pad + "  port\(seed % 7):", pad + "    anyOf:", pad + "    - type: integer", pad + "    - type: string",
            pad + "    x-kubernetes-int-or-string: true",
        ])
        var values = ["Always", "Never", "IfNotPresent"]
        if reshuffled, seed % 2 == 0 { values.insert("Sometimes", at: 1) }
        fields.append(
            [pad + "  mode\(seed):", pad + "    description: How often.", pad + "    enum:"]
                + values.map { pad + "    - \($0)" } + [pad + "    type: string"])
        fields.append([
            pad + "  items:", pad + "    items:", pad + "      type: string", pad + "    type: array",
        ])
        if reshuffled {
            fields.append([pad + "  added\(seed % 11):", pad + "    type: boolean"])
            fields.reverse()
        }
        for field in fields { lines += field }
    }

    private static func description(_ seed: Int, reshuffled: Bool) -> String {
        let base = "Settings of part \(seed) of the application source, as the repository server renders them"
        return reshuffled && seed % 5 == 0 ? base + " (deprecated)" : base
    }

    private static func workload(_ index: Int, into lines: inout [String]) {
        lines += [
            "---", "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: argocd-cm-\(index)", "data:",
            "  url: https://argocd.example.com", "  timeout.reconciliation: 180s",
            "---", "apiVersion: rbac.authorization.k8s.io/v1", "kind: Role", "metadata:", "  name: argocd-\(index)",
            "rules:", "- apiGroups: [\"\"]", "  resources: [secrets, configmaps]", "  verbs: [get, list, watch]",
            "- apiGroups: [argoproj.io]", "  resources: [applications, appprojects]",
            "  verbs: [create, get, list, watch, update, delete, patch]",
            "---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: argocd-server-\(index)", "spec:",
            "  selector:", "    matchLabels:", "      app: argocd-server-\(index)", "  template:", "    metadata:",
            "      labels:", "        app: argocd-server-\(index)", "    spec:", "      containers:",
            "      - name: argocd-server", "        image: quay.io/argoproj/argocd:v3.4.7",
            "        args: [/usr/local/bin/argocd-server, --port=8080, --metrics-port=8083]", "        env:",
            "        - name: ARGOCD_SERVER_INSECURE", "          valueFrom:", "            configMapKeyRef:",
            "              name: argocd-cmd-params-cm", "              key: server.insecure",
            "              optional: true",
            "        ports:", "        - containerPort: 8080", "        - containerPort: 8083",
        ]
    }
}
