/// One YAML document of the input: its root node and where it came from.
package struct YAMLDocument: Sendable {
    package var root: YAMLNode
    /// 0-based index of the document in its file (before `List` splitting).
    package var index: Int
    /// For items split out of a `kind: List` document, their position in `items`.
    package var listItem: Int?

    package init(root: YAMLNode, index: Int, listItem: Int? = nil) {
        self.root = root
        self.index = index
        self.listItem = listItem
    }

    package var file: String { root.file }
}

/// What loading a set of inputs produced: the files (for reporters), the documents in input order, and
/// every problem found on the way.
package struct YAMLLoadResult: Sendable {
    package var files: [SourceFile]
    package var documents: [YAMLDocument]
    package var diagnostics: [Diagnostic]

    package init(files: [SourceFile] = [], documents: [YAMLDocument] = [], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.documents = documents
        self.diagnostics = diagnostics
    }
}
