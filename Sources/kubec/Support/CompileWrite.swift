import KubeEmit
import KubeModel
import KubePlan
import KubeYAML

/// One compile's files written into a new tree beside `-o DIR` (not yet swapped in), with the emitters' findings.
///
/// A tree that cannot be made is kept as `failure` and reported after the findings; the emitters still run (their
/// findings belong in the report), with nowhere to write.
struct CompileWrite: @unchecked Sendable {
    var staging: OutputWriter.Staging?
    var written: [WrittenFile]
    var diagnostics: [Diagnostic]
    var failure: (any Error)?

    static func run(
        _ result: PlanResult, set: ManifestSet, nodes: Set<String>, proxyMode: ProxyMode, into directory: String
    ) -> CompileWrite {
        var staging: OutputWriter.Staging?
        var failure: (any Error)?
        do {
            staging = try OutputWriter.Staging(directory)
        } catch {
            failure = error
        }
        let tree = staging
        let sink: OutputSink = { file in try tree?.write(file) }
        let emitted = CompileOutputs.emit(result, nodes: nodes, proxyMode: proxyMode, set: set, into: sink)
        return CompileWrite(
            staging: staging, written: emitted.written, diagnostics: emitted.diagnostics,
            failure: failure ?? emitted.failure)
    }
}
