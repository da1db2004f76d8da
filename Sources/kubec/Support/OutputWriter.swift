import Foundation
import KubeEmit

#if canImport(Glibc)
    import Glibc
#endif

/// Writes one compilation's files as a whole new tree that replaces `-o DIR` in one step.
///
/// The files go into a fresh hidden folder beside DIR (same filesystem), and only when every file is written
/// does that folder take DIR's place (the old tree is renamed aside, then removed). So DIR holds exactly this
/// input's files (no stale `nodes/` of a previous input), a failure leaves the previous tree untouched, and a
/// reader sees the old tree or the new one. Concurrent compiles into one DIR take turns on a lock file beside it
/// (`flock`), so each leaves one complete tree. An existing DIR is replaced only when it is empty or holds a
/// previous compile's `placement.json`: kubec never deletes a folder it did not write.
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes every file into a new tree and swaps it in for `directory`.
    static func write(_ files: [OutputFile], to directory: String) throws {
        var target = directory
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", target != "/" else {
            throw Failure(description: "output folder \(directory) must name a folder, not '.', '..' or '/'")
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(parent): \(error.localizedDescription)")
        }
        let lock = try Lock(path: parent + "/." + name + ".kubec-lock")
        defer { lock.release() }
        try checkReplaceable(target)

        let staging = parent + "/." + name + ".kubec-new-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)  // left by a killed run of the same pid
        do {
            try makeDirectory(staging)
            for file in files { try write(file, under: staging) }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        try swap(staging, into: target, aside: parent + "/." + name + ".kubec-old-\(getpid())")
    }

    /// Refuses a DIR that is a file, or a non-empty folder that no compile wrote.
    static func checkReplaceable(_ target: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure(description: "\(target) exists and is not a folder") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        guard entries.isEmpty || entries.contains("placement.json") else {
            throw Failure(
                description: "\(target) is not empty and holds no previous compile's placement.json; "
                    + "refusing to replace it (choose an empty or new folder)")
        }
    }

    /// Puts `staging` at `target`: rename the old tree aside, rename the new one in, remove the old one.
    private static func swap(_ staging: String, into target: String, aside: String) throws {
        var hadOld = false
        if FileManager.default.fileExists(atPath: target) {
            try? FileManager.default.removeItem(atPath: aside)
            guard rename(target, aside) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: staging)
                throw Failure(description: "cannot move the previous \(target) aside: \(reason)")
            }
            hadOld = true
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(aside, target) }  // put the previous tree back
            try? FileManager.default.removeItem(atPath: staging)
            throw Failure(description: "cannot move the new tree to \(target): \(reason)")
        }
        if hadOld { try? FileManager.default.removeItem(atPath: aside) }
    }

    /// One file under the staging folder, with its exact permission bits.
    private static func write(_ file: OutputFile, under root: String) throws {
        guard isSafeRelativePath(file.path) else {
            throw Failure(description: "refusing to write outside the output folder: \(file.path.escapingControls)")
        }
        let components = file.path.split(separator: "/")
        var folder = root
        for component in components.dropLast() {
            folder += "/" + component
            if !FileManager.default.fileExists(atPath: folder) { try makeDirectory(folder) }
        }
        let path = root + "/" + file.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(file.mode))
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        let count = file.contents.count
        while written < count {
            let result = file.contents.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, count - written)
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            written += result
        }
        guard fchmod(descriptor, mode_t(file.mode)) == 0 else {
            throw Failure(description: "cannot set the mode of \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else {
            throw Failure(description: "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Emitters build paths from validated names, but a path with `..` or a leading `/` is never written.
    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
            && !path.contains("\0") && OutputFileCheck.problem(OutputFile(path: path, contents: [])) == nil
    }

    /// An exclusive `flock` on a lock file, held until `release()`.
    struct Lock {
        let descriptor: Int32

        init(path: String) throws {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw Failure(description: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
            }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw Failure(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
                }
            }
        }

        func release() {
            _ = flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
