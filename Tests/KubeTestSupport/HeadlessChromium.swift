import Foundation

/// Debian's Chromium run headless, as the oracle for the HTML reports: what a real browser builds from a page
/// (`--dump-dom`, after the page's script ran) and what it draws (`--screenshot`).
package enum HeadlessChromium {
    /// The browser's path, when installed (the Makefile's APT_PACKAGES lists `chromium`).
    package static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `test-output/NAME` under the build folder: screenshots and pages a person can open after the run.
    package static func outputFolder(_ name: String) throws -> String {
        let folder = RepositoryPaths.root + "/.build/test-output/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The serialized DOM of `file` after load and scripts.
    package static func dumpDOM(_ file: String) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString])
    }

    /// Draws `file` into the PNG `screenshot` at `width`×`height` CSS pixels.
    package static func screenshot(_ file: String, to screenshot: String, width: Int = 1400, height: Int = 1000) throws
    {
        _ = try run([
            "--screenshot=\(screenshot)", "--window-size=\(width),\(height)", "--hide-scrollbars",
            URL(fileURLWithPath: file).absoluteString,
        ])
    }

    /// Runs the browser headless with a profile of its own (tests run in parallel) and returns its stdout.
    static func run(_ arguments: [String]) throws -> String {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubec-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile.path)",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
