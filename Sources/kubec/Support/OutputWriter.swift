import Foundation
import KubeEmit

/// Writes emitted files under an output folder, each atomically (temporary file in the same folder, then
/// rename), so a reader never sees half a file and a failed run leaves the previous outputs intact.
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes every file; stops at the first failure (already written files stay, each complete).
    static func write(_ files: [OutputFile], to directory: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create output folder \(directory): \(error.localizedDescription)")
        }
        for file in files {
            guard isSafeRelativePath(file.path) else {
                throw Failure(description: "refusing to write outside the output folder: \(file.path)")
            }
            let target = directory + "/" + file.path
            let folder = (target as NSString).deletingLastPathComponent
            let temporary = folder + "/.\((target as NSString).lastPathComponent).kubec-tmp-\(getpid())"
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                guard manager.createFile(
                    atPath: temporary, contents: Data(file.contents),
                    attributes: [.posixPermissions: file.mode])
                else { throw Failure(description: "cannot write \(target)") }
                guard rename(temporary, target) == 0 else {
                    throw Failure(description: "cannot move \(temporary) to \(target): \(String(cString: strerror(errno)))")
                }
            } catch {
                try? manager.removeItem(atPath: temporary)
                throw error as? Failure ?? Failure(description: "cannot write \(target): \(error.localizedDescription)")
            }
        }
    }

    /// Emitters build paths from validated names, but a path with `..` or a leading `/` is never written.
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
            && !path.contains("\0")
    }
}
