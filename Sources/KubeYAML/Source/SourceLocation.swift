/// A position in a source file: 1-based line and column.
///
/// Columns count characters (Unicode scalars), as libyaml does, not bytes; a reporter that draws a caret
/// walks the line by scalars to place it.
package struct SourceLocation: Hashable, Comparable, Sendable {
    package var line: Int32
    package var column: Int32

    package init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}

/// The extent of a node inside one file: where it starts and where it ends (exclusive).
package struct SourceSpan: Hashable, Sendable {
    package var start: SourceLocation
    package var end: SourceLocation

    package init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}

/// A span together with the file it is in: what a diagnostic points at.
package struct SourceRange: Hashable, Comparable, Sendable {
    /// The path as the user gave it (or `<stdin>`).
    package var file: String
    package var span: SourceSpan

    package init(file: String, span: SourceSpan) {
        self.file = file
        self.span = span
    }

    package init(file: String, line: Int32, column: Int32) {
        let location = SourceLocation(line: line, column: column)
        self.init(file: file, span: SourceSpan(start: location, end: location))
    }

    package var start: SourceLocation { span.start }
    package var end: SourceLocation { span.end }

    package static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
        return lhs.span.end < rhs.span.end
    }
}
