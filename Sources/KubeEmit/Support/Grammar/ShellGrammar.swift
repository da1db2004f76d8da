/// How a value reaches a POSIX shell script (`ipvs-setup.sh`) as data, never as code.
package enum ShellGrammar {
    /// `text` as one single-quoted word: `'` becomes `'\''`; nothing inside single quotes is expanded.
    ///
    /// A newline inside single quotes is still data, but scripts kubec writes refuse one anyway (see
    /// `isCommentText`): a reader of the script should see one statement per line.
    package static func quoted(_ text: String) -> String {
        var result = "'"
        for character in text {
            if character == "'" { result += "'\\''" } else { result.append(character) }
        }
        return result + "'"
    }

    /// Whether `text` may follow `#` on a comment line: printable, with no newline or other control character
    /// that would end the comment and start a command.
    package static func isCommentText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
    }
}
