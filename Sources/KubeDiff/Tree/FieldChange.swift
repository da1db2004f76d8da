import KubeYAML

/// One difference between the old and new version of an object, at one field path.
package struct FieldChange: Hashable, Sendable {
    /// What happened to the field.
    package enum Kind: String, Hashable, Sendable {
        /// Present only in the new version.
        case added
        /// Present only in the old version.
        case removed
        /// Same type on both sides, different value.
        case modified
        /// The value's type changed: `80` → `"80"`, a scalar → a mapping, and so on.
        case typeChanged = "type"
        /// A keyed list whose items kept their keys but not their order: `old` and `new` list the keys of the
        /// items both sides have, in each side's order.
        case reordered
    }

    /// What happened, and where in the object.
    package var kind: Kind
    package var path: FieldPath
    /// The old value; nil when added.
    package var old: DiffValue?
    /// The new value; nil when removed.
    package var new: DiffValue?
    /// Where the old value is; nil when added (or when a default stood in for an omitted field).
    package var oldRange: SourceRange?
    /// Where the new value is; nil when removed (or when a default stood in for an omitted field).
    package var newRange: SourceRange?

    /// A change.
    package init(
        kind: Kind, path: FieldPath, old: DiffValue?, new: DiffValue?, oldRange: SourceRange?, newRange: SourceRange?
    ) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
        self.oldRange = oldRange
        self.newRange = newRange
    }
}
