import KubeYAML

/// Walks two versions of one object's YAML tree side by side and lists every field that differs.
///
/// Kind-independent except through the two small tables it consults: `MergeKey` (which lists are keyed)
/// and `ImplicitDefaults` (which omitted fields equal a written-out default). A null value counts as absent,
/// as it does for the API server. Paths are built only when a change is found; the common case, an
/// unchanged subtree, costs one comparison per node and no allocation beyond scalar text.
package struct TreeDiffer {
    /// The object's kind, for the defaults table.
    package let kind: String
    /// Fields not to compare (noise and `--ignore`).
    package let ignores: [FieldPathPattern]
    private let ignoreDepth: Int
    /// Whether any ignore pattern can match under the current top-level key (most cannot: `spec`, `data`).
    private var rootLive = true
    private var path: [FieldPathSegment] = []
    /// Inside JSON held in a string: the string's positions on each side, which every change there gets.
    private var embedded: (old: SourceRange, new: SourceRange)?
    /// The changes found so far, in walk order.
    package private(set) var changes: [FieldChange] = []

    /// A differ for one object of a kind, leaving out the ignored fields.
    package init(kind: String, ignores: [FieldPathPattern]) {
        self.kind = kind
        self.ignores = ignores
        ignoreDepth = ignores.map(\.steps.count).max() ?? 0
    }

    /// Compares two object roots and returns the changes in document order.
    package static func diff(_ old: YAMLNode, _ new: YAMLNode, kind: String, ignores: [FieldPathPattern])
        -> [FieldChange]
    {
        var differ = TreeDiffer(kind: kind, ignores: ignores)
        differ.compare(old, new)
        return differ.changes
    }

    // MARK: - Nodes

    private mutating func compare(_ old: YAMLNode, _ new: YAMLNode) {
        switch (old.kind, new.kind) {
        case (.scalar, .scalar):
            switch ScalarComparison.compare(old, new) {
            case .equal: return
            case .differentValue:
                if embedded == nil, let trees = EmbeddedJSON.trees(old, new) {
                    // JSON in a string (a Grafana dashboard): diff the documents, positions at the string.
                    embedded = (old.range, new.range)
                    compare(trees.old, trees.new)
                    embedded = nil
                } else {
                    emit(.modified, old: old, new: new)
                }
            case .differentType: emit(.typeChanged, old: old, new: new)
            }
        case (.mapping, .mapping):
            compareMappings(old, new)
        case (.sequence, .sequence):
            compareSequences(old, new)
        default:
            emit(.typeChanged, old: old, new: new)
        }
    }

    private mutating func compareMappings(_ old: YAMLNode, _ new: YAMLNode) {
        let oldPairs = old.pairs
        let newPairs = new.pairs
        // Fast path: the same keys in the same order, the usual shape of an unchanged or lightly edited object.
        if oldPairs.count == newPairs.count {
            var keys: [String] = []
            keys.reserveCapacity(oldPairs.count)
            for index in 0..<oldPairs.count {
                guard let key = oldPairs[index].key.text, newPairs[index].key.textEquals(key) else { break }
                keys.append(key)
            }
            if keys.count == oldPairs.count {
                for index in 0..<oldPairs.count {
                    let (oldKey, oldValue) = oldPairs[index]
                    let (newKey, newValue) = newPairs[index]
                    compareField(
                        key: keys[index], old: (oldKey, oldValue), new: (newKey, newValue), oldParent: old,
                        newParent: new)
                }
                return
            }
        }
        let oldIndex = KeyIndex(oldPairs)
        let newIndex = KeyIndex(newPairs)
        for (newKey, newValue) in newPairs {
            let key = newKey.text ?? ""
            guard newIndex.isLast(key, newKey) else { continue }
            compareField(key: key, old: oldIndex.pair(key), new: (newKey, newValue), oldParent: old, newParent: new)
        }
        for (oldKey, oldValue) in oldPairs {
            let key = oldKey.text ?? ""
            guard oldIndex.isLast(key, oldKey), newIndex.pair(key) == nil else { continue }
            compareField(key: key, old: (oldKey, oldValue), new: nil, oldParent: old, newParent: new)
        }
    }

    private mutating func compareField(
        key: String, old: (key: YAMLNode, value: YAMLNode)?, new: (key: YAMLNode, value: YAMLNode)?,
        oldParent: YAMLNode, newParent: YAMLNode
    ) {
        path.append(.key(key))
        defer { path.removeLast() }
        if path.count == 1 { rootLive = ignores.contains { $0.canMatchTopLevel(key) } }
        if path.count <= ignoreDepth, isIgnored() { return }
        let oldValue = old.flatMap { $0.value.isNull ? nil : $0 }
        let newValue = new.flatMap { $0.value.isNull ? nil : $0 }
        switch (oldValue, newValue) {
        case (nil, nil):
            return
        case (let old?, let new?):
            compare(old.value, new.value)
        case (let old?, nil):
            if let implicit = ImplicitDefaults.value(kind: kind, path: FieldPath(path), parent: newParent),
                ImplicitDefaults.matches(old.value, implicit)
            {
                return
            }
            emit(.removed, old: old.value, new: nil, oldKey: old.key)
        case (nil, let new?):
            if let implicit = ImplicitDefaults.value(kind: kind, path: FieldPath(path), parent: oldParent),
                ImplicitDefaults.matches(new.value, implicit)
            {
                return
            }
            emit(.added, old: nil, new: new.value, newKey: new.key)
        }
    }

    // MARK: - Lists

    /// Whether the current path is inside a pod template (`…template.spec…`: workloads, CronJob job templates).
    private var inPodTemplate: Bool {
        guard path.count >= 3 else { return false }
        for index in 0..<(path.count - 1) {
            if case .key("template") = path[index], case .key("spec") = path[index + 1] { return true }
        }
        return false
    }

    private mutating func compareSequences(_ old: YAMLNode, _ new: YAMLNode) {
        if let mergeKey = MergeKey.forList(at: FieldPath(path), kind: kind),
            let oldKeys = Self.itemKeys(old, mergeKey), let newKeys = Self.itemKeys(new, mergeKey)
        {
            // Inside a pod template every list's order counts: the template is hashed as written, so a reorder
            // makes a new ReplicaSet (a rollout) even where the order means nothing to the pod.
            compareKeyed(old, new, oldKeys: oldKeys, newKeys: newKeys, ordered: mergeKey.ordered || inPodTemplate)
        } else {
            compareAligned(old, new)
        }
    }

    private mutating func compareKeyed(
        _ old: YAMLNode, _ new: YAMLNode, oldKeys: [[FieldPathSegment.KeyField]],
        newKeys: [[FieldPathSegment.KeyField]],
        ordered: Bool
    ) {
        var oldPosition: [[FieldPathSegment.KeyField]: Int] = [:]
        for (index, key) in oldKeys.enumerated() { oldPosition[key] = index }
        let newSet = Set(newKeys)
        for (index, key) in newKeys.enumerated() {
            let item = new.items[index]
            path.append(.item(key))
            defer { path.removeLast() }
            if let match = oldPosition[key] {
                let oldItem = old.items[match]
                compare(oldItem, item)
            } else if !isIgnored() {
                emit(.added, old: nil, new: item)
            }
        }
        for (index, key) in oldKeys.enumerated() where !newSet.contains(key) {
            let item = old.items[index]
            path.append(.item(key))
            defer { path.removeLast() }
            if !isIgnored() { emit(.removed, old: item, new: nil) }
        }
        guard ordered else { return }
        let oldOrder = oldKeys.filter { newSet.contains($0) }
        let newOrder = newKeys.filter { oldPosition[$0] != nil }
        if oldOrder != newOrder, !isIgnored() {
            func names(_ keys: [[FieldPathSegment.KeyField]]) -> DiffValue {
                .list(keys.map { key in .scalar(text: key.map(\.value).joined(separator: "/"), type: .string) })
            }
            changes.append(
                FieldChange(
                    kind: .reordered, path: FieldPath(path), old: names(oldOrder), new: names(newOrder),
                    oldRange: embedded?.old ?? old.range, newRange: embedded?.new ?? new.range))
        }
    }

    /// Compares a list without a merge key (args, command, RBAC rules) aligned on its equal items.
    ///
    /// Removing one argument reports one removal instead of a shift of every later one. Linear-ish in the lists'
    /// size whatever their length (`ItemClasses`, `ListAlignment`).
    private mutating func compareAligned(_ old: YAMLNode, _ new: YAMLNode) {
        if old.count == new.count,
            (0..<old.count).allSatisfy({ NodeEquality.equal(old.items[$0], new.items[$0]) })
        {
            return  // The common case, an unchanged list: no table.
        }
        let classes = ItemClasses(old, new)
        for step in ListAlignment.align(classes.old, classes.new) {
            switch step {
            case .same: continue
            case .removed(let index):
                let item = old.items[index]
                path.append(.index(index))
                if !isIgnored() { emit(.removed, old: item, new: nil) }
                path.removeLast()
            case .added(let index):
                let item = new.items[index]
                path.append(.index(index))
                if !isIgnored() { emit(.added, old: nil, new: item) }
                path.removeLast()
            case .modified(let oldIndex, let newIndex):
                let oldItem = old.items[oldIndex]
                let newItem = new.items[newIndex]
                path.append(.index(newIndex))
                if !isIgnored() { compare(oldItem, newItem) }
                path.removeLast()
            }
        }
    }

    /// Each item's merge-key fields, or nil when an item is not a mapping, lacks a key, or repeats one.
    static func itemKeys(_ list: YAMLNode, _ mergeKey: MergeKey) -> [[FieldPathSegment.KeyField]]? {
        var keys: [[FieldPathSegment.KeyField]] = []
        keys.reserveCapacity(list.count)
        var seen = Set<[FieldPathSegment.KeyField]>()
        for item in list.items {
            guard item.isMapping else { return nil }
            var key: [FieldPathSegment.KeyField] = []
            for field in mergeKey.fields {
                if let value = item[field], value.isScalar, !value.isNull, let text = value.text {
                    key.append(.init(field, text))
                } else if let fallback = mergeKey.defaults[field] {
                    key.append(.init(field, fallback))
                } else {
                    return nil
                }
            }
            guard seen.insert(key).inserted else { return nil }
            keys.append(key)
        }
        return keys
    }

    // MARK: - Output

    private func isIgnored() -> Bool {
        if ignores.isEmpty || !rootLive { return false }
        return ignores.contains { $0.matches(segments: path) }
    }

    /// Records a change; for a mapping field added or removed, its range runs from the key to the value's end.
    private mutating func emit(
        _ kind: FieldChange.Kind, old: YAMLNode?, new: YAMLNode?, oldKey: YAMLNode? = nil, newKey: YAMLNode? = nil
    ) {
        var oldRange = old.map { node in oldKey.map { Self.range(key: $0, value: node) } ?? node.range }
        var newRange = new.map { node in newKey.map { Self.range(key: $0, value: node) } ?? node.range }
        if let embedded {
            oldRange = old == nil ? nil : embedded.old
            newRange = new == nil ? nil : embedded.new
        }
        var oldValue = old.map(DiffValue.init)
        var newValue = new.map(DiffValue.init)
        // A whole mapping added or removed near the root may hold ignored fields (an `annotations` block
        // holding only last-applied-configuration): leave them out, and the change too if nothing is left.
        if path.count < ignoreDepth, kind == .added || kind == .removed {
            let current = FieldPath(path)
            oldValue = oldValue.flatMap { pruned($0, at: current) }
            newValue = newValue.flatMap { pruned($0, at: current) }
            if oldValue == nil, newValue == nil { return }
        }
        changes.append(
            FieldChange(
                kind: kind, path: FieldPath(path), old: oldValue, new: newValue, oldRange: oldRange, newRange: newRange)
        )
    }

    /// The value without ignored descendants; nil when it was a non-empty mapping and nothing is left.
    private func pruned(_ value: DiffValue, at base: FieldPath) -> DiffValue? {
        guard case .map(let pairs) = value, !pairs.isEmpty, base.segments.count < ignoreDepth else { return value }
        var kept: [DiffValue.Pair] = []
        for pair in pairs {
            let child = base.appending(.key(pair.key))
            if ignores.contains(where: { $0.matches(child) }) { continue }
            if let value = pruned(pair.value, at: child) { kept.append(DiffValue.Pair(key: pair.key, value: value)) }
        }
        return kept.isEmpty ? nil : .map(kept)
    }

    /// A key and its value as one range: from the key's start to the value's end.
    private static func range(key: YAMLNode, value: YAMLNode) -> SourceRange {
        SourceRange(file: key.file, span: SourceSpan(start: key.location, end: value.span.end))
    }
}

/// Key lookup for a mapping: a linear scan for small mappings, a dictionary for large ones (ConfigMap data).
private struct KeyIndex {
    let pairs: YAMLPairs
    let table: [String: Int]?

    init(_ pairs: YAMLPairs) {
        self.pairs = pairs
        if pairs.count > 16 {
            var table: [String: Int] = [:]
            table.reserveCapacity(pairs.count)
            for index in 0..<pairs.count { table[pairs[index].key.text ?? ""] = index }
            self.table = table
        } else {
            table = nil
        }
    }

    /// The last pair with this key (duplicate keys: the last wins, as sigs.k8s.io/yaml decodes them).
    func pair(_ key: String) -> (key: YAMLNode, value: YAMLNode)? {
        if let table { return table[key].map { pairs[$0] } }
        var index = pairs.count - 1
        while index >= 0 {
            if pairs[index].key.textEquals(key) { return pairs[index] }
            index -= 1
        }
        return nil
    }

    /// Whether this key node is the one that wins for its key.
    func isLast(_ key: String, _ node: YAMLNode) -> Bool {
        guard let winner = pair(key) else { return false }
        return winner.key.id == node.id
    }
}
