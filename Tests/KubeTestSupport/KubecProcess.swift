import Foundation

/// Runs the built `kubec` binary, as users' CI does, and captures what it prints.
package struct KubecRun: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

package enum KubecProcess {
    /// Whether the binary exists (tests that need it fail loudly if it does not).
    package static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: RepositoryPaths.kubecBinary) }

    /// Runs `kubec ARGS` in `directory` with `stdin` fed to standard input.
    package static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil) throws -> KubecRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.kubecBinary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return KubecRun(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
