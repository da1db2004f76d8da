import Foundation

/// Standard output and error, and whether they are terminals (for colour).
enum Console {
    static func out(_ text: String) {
        var text = text
        // Large reports (megabytes) go out from the string's own bytes, without a copy into `Data`.
        text.withUTF8(out)
    }

    /// Writes bytes to standard output as they are.
    static func out(_ bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let written = write(STDOUT_FILENO, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
