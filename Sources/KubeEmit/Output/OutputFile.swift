/// One file an emitter produces: a path relative to the output folder, its bytes and its permission bits.
///
/// Emitters return these values and never touch the disk; the CLI writes them atomically.
package struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators, e.g. `nodes/node-1/iptables.rules`.
    package var path: String
    package var contents: [UInt8]
    /// True for scripts that must be executable (`ipvs-setup.sh`).
    package var executable: Bool
    /// Permission bits written exactly (the umask does not apply), e.g. `0o600` for a private key; nil for the
    /// default: `0o755` for executables, `0o644` otherwise.
    package var permissions: UInt16?

    package init(path: String, contents: [UInt8], executable: Bool = false, permissions: UInt16? = nil) {
        self.path = path
        self.contents = contents
        self.executable = executable
        self.permissions = permissions
    }

    package init(path: String, text: String, executable: Bool = false, permissions: UInt16? = nil) {
        self.init(path: path, contents: Array(text.utf8), executable: executable, permissions: permissions)
    }

    /// The contents as text (emitters only write UTF-8).
    package var text: String { String(decoding: contents, as: UTF8.self) }

    /// The permission bits the file is written with.
    package var mode: UInt16 { permissions ?? (executable ? 0o755 : 0o644) }
}
