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

    /// The serialized DOM of `file` opened with `query` (`q=web`) after the address, as a link to a filtered
    /// view would open it: the page's script reads it and runs its filter before the DOM is dumped.
    package static func dumpDOM(_ file: String, query: String) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString + "?" + query])
    }

    /// The serialized DOM of `file` opened at `#fragment`, as a link to one section of the page opens it.
    package static func dumpDOM(_ file: String, fragment: String) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString + "#" + fragment])
    }

    /// Prints `file` to the PDF `pdf` (the print style sheet applies, as on paper).
    package static func printToPDF(_ file: String, to pdf: String) throws {
        _ = try run([
            "--print-to-pdf=\(pdf)", "--no-pdf-header-footer", URL(fileURLWithPath: file).absoluteString,
        ])
    }

    /// The text of a PDF as poppler's `pdftotext -layout` reads it (the Makefile's APT_PACKAGES lists
    /// `poppler-utils`); nil when pdftotext is not installed.
    package static func pdfText(_ pdf: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", pdf, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
        // A page that never finishes (a dialog, a loop) must fail its test, not hang the suite.
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    /// Seconds a browser run may take before it is stopped (a busy machine draws the demo in a few).
    static let timeout: Double = 120
}
