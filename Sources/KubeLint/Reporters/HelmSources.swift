import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KubeModel
import KubeYAML

/// The template each document of a `helm template` stream came from, for reports of `helm template … | kubec lint -`.
///
/// Helm prints `# Source: CHART/templates/FILE.yaml` after each `---`. Positions stay those of the rendered
/// stream (what kubec read); reporters add the template's name beside them. A finding belongs to the last
/// `# Source:` line above it, unless a `---` comes between (the next document has no comment of its own).
package struct HelmSources: Sendable {
    private enum Mark: Sendable {
        case source(String)
        case separator
    }

    /// Per file: marks sorted by line.
    private var marks: [String: [(line: Int32, mark: Mark)]] = [:]

    /// Scans the files that contain Helm's comment; others cost one byte search (on both cores).
    package init(_ files: [SourceFile]) {
        let needle = Array("# Source: ".utf8)
        let found = ResultSlots<Bool>(count: files.count)
        if files.count > 1 {
            DispatchQueue.concurrentPerform(iterations: files.count) {
                found.store(Self.contains(files[$0].bytes, needle), at: $0)
            }
        } else {
            for position in files.indices { found.store(Self.contains(files[position].bytes, needle), at: position) }
        }
        for (file, hasComment) in zip(files, found.values()) where hasComment {
            var found: [(line: Int32, mark: Mark)] = []
            var line: Int32 = 1
            var start = 0
            let bytes = file.bytes
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                let text = bytes[start..<index]
                if text.starts(with: needle) {
                    let name = String(decoding: text.dropFirst(needle.count), as: UTF8.self)
                    found.append((line, .source(name.trimmingTrailingWhitespace)))
                } else if text.starts(with: Array("---".utf8)),
                    text.count == 3 || text[text.startIndex + 3] == UInt8(ascii: " ")
                        || text[text.startIndex + 3] == UInt8(ascii: "\r")
                {
                    found.append((line, .separator))
                }
                line += 1
                start = index + 1
            }
            if !found.isEmpty { marks[file.path] = found }
        }
    }

    /// The template a position of a rendered stream came from, nil when the stream has no `# Source:` for it.
    package func template(for range: SourceRange?) -> String? {
        guard let range, let found = marks[range.file] else { return nil }
        var low = 0
        var high = found.count
        while low < high {
            let middle = (low + high) / 2
            if found[middle].line < range.start.line { low = middle + 1 } else { high = middle }
        }
        guard low > 0, case .source(let name) = found[low - 1].mark else { return nil }
        return name
    }

    /// Whether `needle` occurs in `bytes`: the C library's `memchr` (vectorised) finds each candidate first byte,
    /// and most files hold no `#` at all.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    guard let found = memchr(base + index, Int32(first), last - index + 1) else { return false }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var offset = 1
                    while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                    index += 1
                }
                return false
            }
        }
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\r" || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
