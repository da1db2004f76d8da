/// A CRD's schema changes per version, as property paths: what a reader of an upgrade wants instead of one
/// 200-character line per changed schema keyword.
///
/// Built from the field changes under `spec.versions[name=V].schema.openAPIV3Schema` (versions are keyed
/// by name, so each version is compared with itself). A schema path such as
/// `properties.spec.properties.sources.items.properties.helm.description` becomes the property
/// `spec.sources[].helm` with the keyword `description` changed; `additionalProperties` reads `{}`.
package struct CRDSchemaChanges: Hashable, Sendable {
    /// One property's change.
    package enum Entry: Hashable, Sendable {
        /// A property that is new, with its type when it has one.
        case added(property: String, type: String?)
        /// A property that is gone.
        case removed(property: String)
        /// A property whose keywords changed (`description`, `type`, `enum`, …), in first-seen order.
        case changed(property: String, keywords: [String])
        /// A property that `required` now lists: objects stored without it fail validation on their next update.
        case nowRequired(property: String)
        /// A property that `required` no longer lists.
        case noLongerRequired(property: String)

        /// The property path the entry is about.
        package var property: String {
            switch self {
            case .added(let property, _), .removed(let property), .changed(let property, _),
                .nowRequired(let property), .noLongerRequired(let property):
                property
            }
        }
    }

    /// The version's name (`v1alpha1`).
    package var version: String
    /// The entries, sorted by property path and then kind.
    package var entries: [Entry]

    /// The path prefix of a version's schema: `spec.versions[name=V].schema.openAPIV3Schema`.
    static func schemaPrefix(_ version: String) -> [FieldPathSegment] {
        [.key("spec"), .key("versions"), .item([.init("name", version)]), .key("schema"), .key("openAPIV3Schema")]
    }

    /// The schema changes of every version that has any, in version-name order; other changes are left alone.
    package static func summarize(_ changes: [FieldChange]) -> [CRDSchemaChanges] {
        var builders: [String: Builder] = [:]
        for change in changes {
            let segments = change.path.segments
            guard segments.count >= 5, case .item(let key) = segments[2], key.count == 1, key[0].field == "name",
                Array(segments.prefix(5)) == schemaPrefix(key[0].value)
            else { continue }
            builders[key[0].value, default: Builder()].add(change, below: Array(segments.dropFirst(5)))
        }
        return builders.keys.sorted().compactMap { version in
            let entries = builders[version]?.entries() ?? []
            return entries.isEmpty ? nil : CRDSchemaChanges(version: version, entries: entries)
        }
    }

    /// Whether a field change is one the summaries cover (under some version's schema).
    package static func covers(_ path: FieldPath) -> Bool {
        let segments = path.segments
        guard segments.count >= 5, case .item(let key) = segments[2], key.count == 1 else { return false }
        return Array(segments.prefix(5)) == schemaPrefix(key[0].value)
    }

    /// Collects one version's entries.
    private struct Builder {
        var added: [String: String?] = [:]
        var removed: Set<String> = []
        var keywords: [String: [String]] = [:]
        var nowRequired: Set<String> = []
        var noLongerRequired: Set<String> = []

        mutating func add(_ change: FieldChange, below segments: [FieldPathSegment]) {
            var property: [String] = []
            var index = 0
            while index < segments.count {
                switch segments[index] {
                case .key("properties") where index + 1 < segments.count:
                    guard case .key(let name) = segments[index + 1] else { return }
                    property.append(name)
                    index += 2
                    continue
                case .key("properties"):
                    // The whole `properties` map added or removed: one entry per property in it.
                    expand(change, parent: property)
                    return
                case .key("items"):
                    property.append("[]")
                case .key("additionalProperties"):
                    property.append("{}")
                case .key("required"):
                    required(change, parent: property)
                    return
                case .key(let name):
                    keyword(name, at: property)
                    return
                case .index, .item:
                    keyword("items", at: property)
                    return
                }
                index += 1
            }
            // The path ends at a property (or at a nested `items` schema): the property itself changed.
            let path = Self.display(property)
            switch change.kind {
            case .added: added[path] = Self.type(of: change.new)
            case .removed: removed.insert(path)
            default: keyword("(whole)", at: property)
            }
        }

        private mutating func expand(_ change: FieldChange, parent: [String]) {
            let value = change.kind == .removed ? change.old : change.new
            guard case .map(let pairs)? = value else {
                keyword("properties", at: parent)
                return
            }
            for pair in pairs {
                let path = Self.display(parent + [pair.key])
                if change.kind == .removed { removed.insert(path) } else { added[path] = Self.type(of: pair.value) }
            }
        }

        private mutating func required(_ change: FieldChange, parent: [String]) {
            func names(_ value: DiffValue?) -> [String] {
                switch value {
                case .scalar(let text, _)?: [text]
                case .list(let items)?: items.compactMap { if case .scalar(let text, _) = $0 { text } else { nil } }
                default: []
                }
            }
            if change.kind != .reordered {
                for name in names(change.new) { nowRequired.insert(Self.display(parent + [name])) }
                for name in names(change.old) { noLongerRequired.insert(Self.display(parent + [name])) }
            }
        }

        private mutating func keyword(_ keyword: String, at property: [String]) {
            let path = Self.display(property)
            if !(keywords[path]?.contains(keyword) ?? false) { keywords[path, default: []].append(keyword) }
        }

        func entries() -> [Entry] {
            var entries: [Entry] = []
            for (path, type) in added { entries.append(.added(property: path, type: type)) }
            for path in removed { entries.append(.removed(property: path)) }
            for (path, names) in keywords where added[path] == nil && !removed.contains(path) {
                entries.append(.changed(property: path, keywords: names))
            }
            // A name moved between positions of `required` is in both sets: not a change.
            for path in nowRequired.subtracting(noLongerRequired) { entries.append(.nowRequired(property: path)) }
            for path in noLongerRequired.subtracting(nowRequired) { entries.append(.noLongerRequired(property: path)) }
            return entries.sorted { lhs, rhs in
                lhs.property != rhs.property ? lhs.property < rhs.property : Self.rank(lhs) < Self.rank(rhs)
            }
        }

        private static func rank(_ entry: Entry) -> Int {
            switch entry {
            case .added: 0
            case .removed: 1
            case .changed: 2
            case .nowRequired: 3
            case .noLongerRequired: 4
            }
        }

        /// `spec.sources[].helm`; the schema root itself is `(root)`.
        static func display(_ property: [String]) -> String {
            guard !property.isEmpty else { return "(root)" }
            var text = ""
            for part in property {
                if part == "[]" || part == "{}" {
                    text += part
                } else {
                    text += text.isEmpty ? part : "." + part
                }
            }
            return text
        }

        static func type(of value: DiffValue?) -> String? {
            guard case .map(let pairs)? = value else { return nil }
            for pair in pairs where pair.key == "type" {
                if case .scalar(let text, _) = pair.value { return text }
            }
            return nil
        }
    }
}
