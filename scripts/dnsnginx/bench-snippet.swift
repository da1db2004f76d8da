// Lines for Benchmarks/kubec-bench/main.swift (the lead owns that file): emit the DNS and nginx benchmark
// inputs in release, best of 5, and write the files under OUT for scripts/dnsnginx/bench-tools.sh.
import Foundation
import KubeEmit

func measureEmission(_ label: String, _ body: () -> [OutputFile]) -> [OutputFile] {
    var best = Double.infinity
    var bestCPU = Double.infinity
    var files: [OutputFile] = []
    func cpu() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = cpu()
        files = body()
        bestCPU = min(bestCPU, cpu() - startCPU)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let bytes = files.map(\.contents.count).reduce(0, +)
    print("\(label): best of 5 wall \(String(format: "%.4f", best)) s, thread CPU \(String(format: "%.4f", bestCPU)) s, \(bytes) bytes")
    return files
}

let out = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "/tmp/kubec-bench-out"
let dnsState = DNSBenchmarkInput.state()
let dnsFiles = measureEmission("dns zone (10k services + 1k headless with 30k endpoints)") { DNSZoneEmitter.emit(dnsState).files }
var nginxState = NginxBenchmarkInput.state()
nginxState.settings.ingress.listenAddress = "127.0.0.1"
nginxState.settings.ingress.tlsDirectory = out + "/tls"
var nginxOptions = NginxOptions()
nginxOptions.pidPath = out + "/nginx.pid"
nginxOptions.errorLogPath = out + "/error.log"
nginxOptions.accessLogPath = nil
nginxOptions.tempDirectory = out + "/tmp"
let nginxFiles = measureEmission("nginx.conf (1k ingresses, 10k paths)") { NginxEmitter.emit(nginxState, options: nginxOptions).files }
for file in dnsFiles + nginxFiles {
    let url = URL(fileURLWithPath: out).appendingPathComponent(file.path)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(file.contents).write(to: url)
}
