import Foundation
import KubeEmit

#if canImport(Glibc)
    import Glibc
#endif

/// Writes one compilation's files as a whole new tree that replaces `-o DIR` in one step.
///
/// The files go into a fresh hidden folder beside DIR (same filesystem) as the compile makes them (`Staging`),
/// and only when every file is written does that folder take DIR's place (the old tree is renamed aside, then removed). So DIR holds exactly this
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
        let staging = try Staging(directory)
        do {
            for file in files { try staging.write(file) }
        } catch {
            staging.discard()
            throw error
        }
        try staging.commit()
    }

    /// A new tree being written beside `-o DIR` while the compile runs (files arrive one by one, from any
    /// thread), then swapped in by `commit` or thrown away by `discard`. Holds DIR's lock from start to end.
    final class Staging: @unchecked Sendable {
        let target: String
        let path: String
        private let aside: String
        private let lock: Lock
        /// Folders this compile created above the staging folder, deepest last (removed again by `discard`).
        private let createdParents: [String]
        private let folders = NSLock()
        private var madeFolders: Set<String> = []

        init(_ directory: String) throws {
            var target = directory
            while target.count > 1, target.hasSuffix("/") { target.removeLast() }
            let url = URL(fileURLWithPath: target)
            let parent = url.deletingLastPathComponent().path
            let name = url.lastPathComponent
            guard !name.isEmpty, name != ".", name != "..", target != "/" else {
                throw Failure(description: "output folder \(directory) must name a folder, not '.', '..' or '/'")
            }
            var missing: [String] = []
            var folder = URL(fileURLWithPath: parent)
            while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
                missing.insert(folder.path, at: 0)
                folder = folder.deletingLastPathComponent()
            }
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create \(parent): \(error.localizedDescription)")
            }
            self.target = target
            createdParents = missing
            lock = try Lock(path: parent + "/." + name + ".kubec-lock")
            path = parent + "/." + name + ".kubec-new-\(getpid())"
            aside = parent + "/." + name + ".kubec-old-\(getpid())"
            try? FileManager.default.removeItem(atPath: path)  // left by a killed run of the same pid
            do {
                try OutputWriter.makeDirectory(path)
            } catch {
                lock.release()
                throw error
            }
        }

        /// Writes one file under the staging folder (its folders made on first use).
        func write(_ file: OutputFile) throws {
            guard OutputWriter.isSafeRelativePath(file.path) else {
                throw Failure(description: "refusing to write outside the output folder: \(file.path.escapingControls)")
            }
            var folder = path
            for component in file.path.split(separator: "/").dropLast() {
                folder += "/" + component
                try folders.withLock {
                    guard !madeFolders.contains(folder) else { return }
                    if !FileManager.default.fileExists(atPath: folder) { try OutputWriter.makeDirectory(folder) }
                    madeFolders.insert(folder)
                }
            }
            try OutputWriter.write(file, at: path + "/" + file.path)
        }

        /// Puts the new tree in DIR's place (DIR must be replaceable) and releases the lock.
        func commit() throws {
            defer { lock.release() }
            do {
                try OutputWriter.checkReplaceable(target)
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw error
            }
            try OutputWriter.swap(path, into: target, aside: aside)
        }

        /// Removes the new tree (and the folders made for it, its lock file included) and releases the lock.
        func discard() {
            try? FileManager.default.removeItem(atPath: path)
            lock.release()
            guard !createdParents.isEmpty else { return }
            try? FileManager.default.removeItem(atPath: lock.path)
            for folder in createdParents.reversed() { _ = rmdir(folder) }
        }
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

    /// One file at `path` (its folder exists), with its exact permission bits.
    private static func write(_ file: OutputFile, at path: String) throws {
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
        let path: String

        init(path: String) throws {
            self.path = path
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
