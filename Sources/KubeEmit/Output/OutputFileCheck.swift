import KubeYAML

/// The check every emitted file passes before `compile` may write it: a path of safe components and text
/// without control bytes (`TextLineGrammar`, `PathGrammar`).
///
/// Emitters build paths and lines from checked values, so this refuses nothing in a correct program; it exists
/// so that a bug upstream becomes an error naming the file instead of a rule, folder or command nobody wrote.
package enum OutputFileCheck {
    /// The rule id of the error for a refused file.
    package static let ruleID = "compile-refused-output"

    /// The files that pass, and an error per file refused.
    package static func admit(_ files: [OutputFile]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let admitted = files.filter { file in
            guard let problem = problem(file) else { return true }
            diagnostics.append(
                Diagnostic(
                    rule: ruleID, severity: .error,
                    message: "output \(DataplaneInputGuard.excerpt(file.path)) not written: \(problem)"))
            return false
        }
        return (admitted, diagnostics)
    }

    /// Why a file must not be written, or nil.
    package static func problem(_ file: OutputFile) -> String? {
        let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
        if components.isEmpty || !components.allSatisfy({ PathGrammar.isComponent(String($0)) }) {
            return "its path is not made of lower-case DNS names"
        }
        if let offset = TextLineGrammar.firstForbiddenByte(in: file.contents) {
            return "byte \(offset) is a control character or not UTF-8"
        }
        return nil
    }
}
