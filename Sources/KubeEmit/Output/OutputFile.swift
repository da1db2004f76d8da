/// One file an emitter produces: a path relative to the output folder and its bytes.
///
/// Emitters return these values and never touch the disk; the CLI writes them atomically.
package struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators, e.g. `nodes/node-1/iptables.rules`.
    package var path: String
    package var contents: [UInt8]
    /// True for scripts that must be executable (`ipvs-setup.sh`).
    package var executable: Bool
    /// True for secrets (TLS private keys): written readable by the owner only (mode 0600).
    package var isPrivate = false

    package init(path: String, contents: [UInt8], executable: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
    }

    /// POSIX permissions to write the file with: 0600 private, 0755 executable, else 0644.
    package var mode: Int { isPrivate ? 0o600 : executable ? 0o755 : 0o644 }

    package init(path: String, text: String, executable: Bool = false) {
        self.init(path: path, contents: Array(text.utf8), executable: executable)
    }

    /// The contents as text (emitters only write UTF-8).
    package var text: String { String(decoding: contents, as: UTF8.self) }
}
