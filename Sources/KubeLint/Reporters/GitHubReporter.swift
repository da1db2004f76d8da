import KubeYAML

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`.
package enum GitHubReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var output = ""
        for diagnostic in diagnostics {
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            var properties: [String] = []
            if let range = diagnostic.range {
                properties.append("file=\(escapeProperty(range.file))")
                properties.append("line=\(range.start.line)")
                properties.append("col=\(range.start.column)")
                properties.append("endLine=\(range.end.line)")
                properties.append("endColumn=\(range.end.column)")
            }
            properties.append("title=\(escapeProperty(diagnostic.rule))")
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        output += TextReporter.summary(diagnostics, context: context) + "\n"
        return output
    }

    /// GitHub's escaping for the message part.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// GitHub's escaping for property values (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    /// Replaces every occurrence of `target` without Foundation.
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
