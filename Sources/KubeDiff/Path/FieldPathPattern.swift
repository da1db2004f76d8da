/// A field path pattern for `--ignore`: it matches a path and everything beneath it.
///
/// Syntax (the same as rendered paths, plus wildcards):
/// - keys separated by dots: `spec.replicas`; a key holding dots may be written plainly
///   (`metadata.labels.helm.sh/chart`, matched against the real keys) or quoted (`metadata.labels["helm.sh/chart"]`);
/// - `*` for any one key: `metadata.annotations.*`;
/// - list steps: `[*]` any item, `[2]` a position, `[name=web]` a keyed item (every given field must match).
package struct FieldPathPattern: Hashable, Sendable, CustomStringConvertible {
    enum Step: Hashable, Sendable {
        /// An unquoted key part; consecutive parts may join with dots to match one real key.
        case key(String)
        /// A quoted key, matched exactly.
        case exactKey(String)
        case anyKey
        case anyItem
        case index(Int)
        case item([FieldPathSegment.KeyField])
    }

    let steps: [Step]
    /// The pattern as the user wrote it.
    package let description: String

    /// Why a pattern could not be read.
    package struct ParseError: Error, Hashable, Sendable {
        package var pattern: String
        package var reason: String
    }

    /// Reads a pattern; malformed brackets or empty steps are errors the CLI reports with exit 2.
    package init(_ text: String) throws(ParseError) {
        description = text
        var steps: [Step] = []
        let characters = Array(text)
        var index = 0
        var current = ""
        func flushKey() {
            if current == "*" { steps.append(.anyKey) } else if !current.isEmpty { steps.append(.key(current)) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case ".":
                if current.isEmpty, index > 0, characters[index - 1] != "]" {
                    throw ParseError(pattern: text, reason: "empty key before '.'")
                }
                flushKey()
                index += 1
            case "[":
                flushKey()
                guard let close = Self.closingBracket(characters, from: index) else {
                    throw ParseError(pattern: text, reason: "'[' without ']'")
                }
                steps.append(try Self.bracketStep(String(characters[(index + 1)..<close]), pattern: text))
                index = close + 1
            default:
                current.append(character)
                index += 1
            }
        }
        flushKey()
        guard !steps.isEmpty else { throw ParseError(pattern: text, reason: "empty path") }
        self.steps = steps
    }

    /// Whether the path is the pattern's field or lies beneath it.
    package func matches(_ path: FieldPath) -> Bool {
        matches(path.segments, patternIndex: 0, pathIndex: 0)
    }

    /// Whether the pattern could match a path starting with this top-level key (a cheap pre-filter).
    func canMatchTopLevel(_ key: String) -> Bool {
        switch steps.first {
        case .key(let first)?: return key == first || key.hasPrefix(first + ".")
        case .exactKey(let exact)?: return key == exact
        case .anyKey?: return true
        default: return false
        }
    }

    /// The same test on bare segments (the diff's walk keeps its path as an array).
    func matches(segments: [FieldPathSegment]) -> Bool {
        matches(segments, patternIndex: 0, pathIndex: 0)
    }

    private func matches(_ path: [FieldPathSegment], patternIndex: Int, pathIndex: Int) -> Bool {
        if patternIndex == steps.count { return true }
        guard pathIndex < path.count else { return false }
        let segment = path[pathIndex]
        switch steps[patternIndex] {
        case .key(let first):
            guard case .key(let key) = segment else { return false }
            var joined = first
            var last = patternIndex
            while true {
                if joined == key, matches(path, patternIndex: last + 1, pathIndex: pathIndex + 1) { return true }
                guard last + 1 < steps.count, case .key(let next) = steps[last + 1], key.hasPrefix(joined + ".") else {
                    return false
                }
                joined += "." + next
                last += 1
            }
        case .exactKey(let exact):
            guard case .key(let key) = segment, key == exact else { return false }
        case .anyKey:
            guard case .key = segment else { return false }
        case .anyItem:
            switch segment {
            case .index, .item: break
            case .key: return false
            }
        case .index(let wanted):
            guard case .index(let position) = segment, position == wanted else { return false }
        case .item(let wanted):
            guard case .item(let fields) = segment, wanted.allSatisfy(fields.contains) else { return false }
        }
        return matches(path, patternIndex: patternIndex + 1, pathIndex: pathIndex + 1)
    }

    private static func closingBracket(_ characters: [Character], from start: Int) -> Int? {
        var index = start + 1
        var quoted = false
        while index < characters.count {
            let character = characters[index]
            if quoted, character == "\\" { index += 2; continue }
            if character == "\"" { quoted.toggle() }
            if character == "]", !quoted { return index }
            index += 1
        }
        return nil
    }

    private static func bracketStep(_ body: String, pattern: String) throws(ParseError) -> Step {
        if body == "*" { return .anyItem }
        if let position = Int(body), position >= 0 { return .index(position) }
        if body.count >= 2, body.hasPrefix("\""), body.hasSuffix("\"") {
            var key = ""
            var escaped = false
            for character in body.dropFirst().dropLast() {
                if escaped {
                    key.append(character); escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    key.append(character)
                }
            }
            return .exactKey(key)
        }
        var fields: [FieldPathSegment.KeyField] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) {
            guard let equals = part.firstIndex(of: "="), equals != part.startIndex else {
                throw ParseError(
                    pattern: pattern, reason: "'[\(body)]' is not *, a position, a quoted key or field=value")
            }
            fields.append(.init(String(part[..<equals]), String(part[part.index(after: equals)...])))
        }
        return .item(fields)
    }
}
