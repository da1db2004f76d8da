import BenchmarkInputs
import Foundation

/// Issue 12's targets: the `kubec` executable run as a user runs it (a child process, output to a file), on
/// generated inputs of the issue's sizes, each beside its floor or target from the same run.
///
/// Prints one headline per figure: wall time (best of `runs`), peak memory of the child, and met/MISSED.
enum ProcessTargets {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let bench = ProcessBench(workDirectory: workDirectory)
        var results: [BenchResult] = []

        // Lint, 24k documents in small files: ≤ 2× a bare libyaml pass over the same files.
        let apps = workDirectory + "/apps"
        let appsBytes = try ClusterInputs.write(
            ClusterInputs.applications(documents: 24_000, namespaces: 17), layout: .files(perFile: 100), to: apps)
        // Both sides best of the same number of runs: a run here lasts a third of a second, and one run in
        // several on this machine is 10-20% slower for no reason of its own; the median shows the spread.
        let lintRuns = max(bench.runs, 5)
        let floor = ProcessBench.bareLibYAMLSeconds(directory: apps, runs: lintRuns)
        let appsLabel = "24,000 documents, \(ProcessBench.megabytes(appsBytes)) in 240 files, best of \(lintRuns)"
        results.append(BenchResult(name: "bare libyaml pass (floor)", seconds: floor, floor: floor, note: appsLabel))
        for format in ["text", "json"] {
            let run = bench.kubec(["lint", apps, "--output", format], runs: lintRuns)
            let peak = run.peakKilobytes / 1024
            results.append(BenchResult(
                name: "kubec lint --output \(format)", seconds: run.seconds, floor: floor, target: 2.0,
                note: ProcessBench.describe(run) + String(format: ", median %.0f ms", run.medianSeconds * 1000)
                    + " (peak target ≤ 300 MB: \(peak <= 300 ? "met" : "MISSED"))"))
        }
        let oneFile = workDirectory + "/apps-one"
        try ClusterInputs.write(
            ClusterInputs.applications(documents: 24_000, namespaces: 1_000), layout: .oneFile, to: oneFile)
        let big = bench.kubec(["lint", oneFile])
        results.append(BenchResult(
            name: "kubec lint, one file, 1,000 namespaces", seconds: big.seconds, floor: floor,
            note: ProcessBench.describe(big)))

        // 20k Services + 20k Deployments in one file, ≈ 100k findings, text: ≤ 1.5 s.
        let findings = workDirectory + "/findings"
        try ClusterInputs.write(ClusterInputs.findings(services: 20_000), layout: .oneFile, to: findings)
        for format in ["text", "json"] {
            let run = bench.kubec(["lint", findings, "--output", format])
            results.append(BenchResult(
                name: "kubec lint 20k Svc + 20k Deploy, \(format)", seconds: run.seconds, floor: nil,
                target: format == "text" ? 1.5 : nil, note: ProcessBench.describe(run)))
        }
        let plan20k = bench.kubec(["plan", findings])
        results.append(BenchResult(
            name: "kubec plan, that set (no nodes)", seconds: plan20k.seconds, floor: nil,
            note: ProcessBench.describe(plan20k)))

        // Density: 30,000 pods on 1,000 nodes, JSON: ≤ 2 s.
        let density = workDirectory + "/density"
        try ClusterInputs.write(
            ClusterInputs.density(deployments: 10_000, nodes: 1_000), layout: .files(perFile: 500), to: density)
        for format in ["json", "text"] {
            let run = bench.kubec(["plan", density, "--output", format])
            results.append(BenchResult(
                name: "kubec plan 30k pods / 1k nodes, \(format)", seconds: run.seconds, floor: nil,
                target: format == "json" ? 2.0 : nil, note: ProcessBench.describe(run)))
        }

        // Compile one node of 20,000 Services × 3 endpoints: faster than `iptables-restore --test` on its output.
        let dataplane = workDirectory + "/dataplane"
        try ClusterInputs.write(
            ClusterInputs.dataplane(services: 20_000, nodes: 600), layout: .files(perFile: 500), to: dataplane)
        let out = workDirectory + "/out-one"
        let one = bench.kubec(["compile", dataplane, "-o", out, "--node", "n0", "--proxy-mode", "iptables"])
        let restore = ProcessBench.iptablesRestoreTestSeconds(out + "/nodes/n0/iptables.rules")
        results.append(BenchResult(
            name: "iptables-restore --test, n0's rules (floor)", seconds: restore ?? 0, floor: nil,
            note: restore == nil ? "not measured: needs root and ip netns" : nil))
        results.append(BenchResult(
            name: "kubec compile --node n0 (20k Svc × 3)", seconds: one.seconds, floor: restore,
            target: restore == nil ? nil : 1.0, note: ProcessBench.describe(one)))

        // All nodes against one node: ≤ 3×. The issue's shape (1,000 nodes × 10,000 Services) is ~12 MB of rules
        // per node, 12 GB held in memory before writing; 100 nodes × 2,000 Services keeps the same question
        // (what all nodes cost over one) within this machine.
        let wide = workDirectory + "/wide"
        try ClusterInputs.write(
            ClusterInputs.dataplane(services: 2_000, nodes: 100), layout: .files(perFile: 500), to: wide)
        let wideOne = bench.kubec(["compile", wide, "-o", workDirectory + "/out-wide1", "--node", "n0",
                                   "--proxy-mode", "iptables"])
        let wideAll = bench.kubec(["compile", wide, "-o", workDirectory + "/out-wide", "--proxy-mode", "iptables"])
        results.append(BenchResult(
            name: "kubec compile --node n0 (100 nodes, 2k Svc)", seconds: wideOne.seconds, floor: wideOne.seconds,
            note: ProcessBench.describe(wideOne)))
        results.append(BenchResult(
            name: "kubec compile, all 100 nodes", seconds: wideAll.seconds, floor: wideOne.seconds, target: 3.0,
            note: ProcessBench.describe(wideAll)))
        try? FileManager.default.removeItem(atPath: workDirectory + "/out-wide")

        // The issue's shape: 1,000 nodes × 10,000 Services, all nodes against one (≤ 3×). Every node's file is
        // ~12 MB, 12 GB in all, written as each node is rendered; the floor beside it is writing n0's file 1,000
        // times with nothing computed (the kernel's share), since no compile can write less. One run each.
        let issue = workDirectory + "/wide-1k"
        try ClusterInputs.write(
            ClusterInputs.dataplane(services: 10_000, nodes: 1_000), layout: .files(perFile: 500), to: issue)
        let issueOne = bench.kubec(
            ["compile", issue, "-o", workDirectory + "/out-1k-one", "--node", "n0", "--proxy-mode", "iptables"], runs: 1)
        let writeFloor = ProcessBench.writeCopiesSeconds(
            workDirectory + "/out-1k-one/nodes/n0/iptables.rules", copies: 1_000, under: workDirectory + "/copies")
        let issueAll = bench.kubec(
            ["compile", issue, "-o", workDirectory + "/out-1k-all", "--proxy-mode", "iptables"], runs: 1)
        try? FileManager.default.removeItem(atPath: workDirectory + "/out-1k-all")
        results.append(BenchResult(
            name: "kubec compile --node n0 (1k nodes, 10k Svc)", seconds: issueOne.seconds,
            floor: issueOne.seconds, note: ProcessBench.describe(issueOne)))
        results.append(BenchResult(
            name: "writing n0's rules 1,000 times (floor)", seconds: writeFloor, floor: issueOne.seconds,
            note: "no compile: the bytes all nodes' files hold"))
        results.append(BenchResult(
            name: "kubec compile, all 1,000 nodes", seconds: issueAll.seconds, floor: issueOne.seconds, target: 3.0,
            note: ProcessBench.describe(issueAll)))

        // Diff two 24k-document sets, 1% changed: ≤ 0.5 s.
        let (old, new) = (workDirectory + "/diff-old", workDirectory + "/diff-new")
        let documents = ClusterInputs.applications(documents: 24_000, namespaces: 17)
        try ClusterInputs.write(documents, layout: .files(perFile: 100), to: old)
        try ClusterInputs.write(ClusterInputs.changed(documents, every: 100), layout: .files(perFile: 150), to: new)
        let diff = bench.kubec(["diff", old, new])
        results.append(BenchResult(
            name: "kubec diff, 24k documents, 1% changed", seconds: diff.seconds, floor: nil, target: 0.5,
            note: ProcessBench.describe(diff)))

        // Issue 17: the diff page of a change on 1,000 nodes / 30,000 pods (`--cluster`), then Chromium drawing it.
        let scale = try DiffScaleInputs.write(to: workDirectory + "/diff-scale", nodes: 1_000, deployments: 10_000)
        let page = bench.kubec(["diff", scale.before, scale.after, "--cluster", scale.cluster, "--output", "html"])
        results.append(BenchResult(
            name: "kubec diff --output html, 1k nodes / 30k pods", seconds: page.seconds, floor: nil,
            note: ProcessBench.describe(page)))
        let pageFile = workDirectory + "/diff-scale.html"
        try? FileManager.default.removeItem(atPath: pageFile)
        try FileManager.default.copyItem(atPath: workDirectory + "/stdout", toPath: pageFile)
        if let drawn = try HTMLReportBenchmark.browserResult(
            pageFile, name: "chromium draws that diff page (screenshot)", workDirectory: workDirectory)
        {
            results.append(drawn)
        }
        return results
    }
}
