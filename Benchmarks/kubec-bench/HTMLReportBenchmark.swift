import Foundation
import KubeModel
import KubePlan
import KubeYAML

/// Issue 17's figures: the placement page of 1,000 nodes and 30,000 pods (PlanBenchmark's shape).
///
/// Rendered by `PlacementHTMLRenderer`, then drawn by headless Chromium (`--screenshot`: parse, run the script,
/// lay out, draw), target under 2 s. The plan itself is not timed here.
enum HTMLReportBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let set = ManifestSet.decode(
            YAMLLoader.load(text: PlanBenchmark.generate(deployments: 10_000, nodes: 1_000), file: "bench.yaml"))
        let result = Planner.plan(set)
        let timing = Stopwatch.best(runs: 3) { PlacementHTMLRenderer.render(result) }
        let page = timing.result
        var results = [
            BenchResult(
                name: "placement html 30000 pods, 1000 nodes", seconds: timing.seconds, floor: nil,
                note: String(format: "%.1f MB", Double(page.utf8.count) / 1e6))
        ]
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let file = workDirectory + "/placement.html"
        try page.write(toFile: file, atomically: true, encoding: .utf8)
        let name = "chromium draws that page (screenshot)"
        if let drawn = try browserResult(file, name: name, workDirectory: workDirectory) { results.append(drawn) }
        return results
    }

    /// Headless Chromium drawing the page `file` (best of 3) beside its floor, the same run on an empty page;
    /// nil without Chromium.
    static func browserResult(_ file: String, name: String, workDirectory: String) throws -> BenchResult? {
        guard let chromium = ["/usr/bin/chromium"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        // The floor: the same browser run on an empty page (start-up, which dominates on a loaded machine).
        let empty = workDirectory + "/empty.html"
        try "<!DOCTYPE html><title>empty</title>".write(toFile: empty, atomically: true, encoding: .utf8)
        let floor = Stopwatch.best(runs: 3) { draw(chromium, empty, profile: workDirectory + "/chromium") }
        let load = Stopwatch.best(runs: 3) { draw(chromium, file, profile: workDirectory + "/chromium") }
        return BenchResult(
            name: name, seconds: load.seconds, floor: floor.seconds, target: nil,
            note: String(
                format: "target < 2 s; an empty page takes %.2f s (browser start-up); PNG %d kB", floor.seconds,
                load.result / 1_000))
    }

    /// Has headless Chromium load, lay out and draw `file` (`--screenshot`); returns the PNG's size.
    static func draw(_ chromium: String, _ file: String, profile: String) -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
            "--screenshot=\(file).png", "--window-size=1400,1000", "file://" + file,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try? process.run()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try? Data(contentsOf: URL(fileURLWithPath: file + ".png")).count) ?? 0
    }
}
