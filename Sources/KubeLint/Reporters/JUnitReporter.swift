import KubeYAML

/// JUnit XML for CI test tabs: one test suite, one test case per finding (errors are `<failure>`s, warnings
/// and infos pass with the message in `<system-out>`) and one passing case per rule without findings.
package enum JUnitReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var cases: [String] = []
        var failures = 0
        var rulesWithFindings = Set<String>()
        for diagnostic in diagnostics {
            rulesWithFindings.insert(diagnostic.rule)
            let place = diagnostic.range.map { "\($0.file):\($0.start.line):\($0.start.column)" } ?? "kubec"
            let object = diagnostic.object.map { " \($0.displayName)" } ?? ""
            let name = "\(diagnostic.rule) \(place)\(object)"
            let classname = diagnostic.range?.file ?? "kubec"
            var body = diagnostic.message
            if let hint = diagnostic.hint { body += "\nhint: " + hint }
            if diagnostic.severity == .error {
                failures += 1
                cases.append("    <testcase name=\"\(escape(name))\" classname=\"\(escape(classname))\">\n"
                    + "      <failure message=\"\(escape(diagnostic.message))\" type=\"\(diagnostic.rule)\">"
                    + escape(place + ": " + body) + "</failure>\n    </testcase>")
            } else {
                cases.append("    <testcase name=\"\(escape(name))\" classname=\"\(escape(classname))\">\n"
                    + "      <system-out>\(escape(diagnostic.severity.name + ": " + body))</system-out>\n    </testcase>")
            }
        }
        for rule in RuleRegistry.all.map(\.info.id) where !rulesWithFindings.contains(rule) {
            cases.append("    <testcase name=\"\(escape(rule))\" classname=\"kubec.rules\"/>")
        }
        let summary = TextReporter.summary(diagnostics, context: context)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kubec lint" tests="\(cases.count)" failures="\(failures)" errors="0">
              <testsuite name="kubec lint" tests="\(cases.count)" failures="\(failures)" errors="0" skipped="0">
                <properties><property name="summary" value="\(escape(summary))"/></properties>
            \(cases.joined(separator: "\n"))
              </testsuite>
            </testsuites>

            """
    }

    /// XML attribute and text escaping; control characters other than tab and newline are dropped.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n": output += "&#10;"
            case "\t": output += "&#9;"
            default:
                if scalar.value >= 0x20 { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }
}
