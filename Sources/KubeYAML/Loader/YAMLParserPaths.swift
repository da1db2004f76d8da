/// Each of the two parsers on its own, so tests can hold the fast scanner to libyaml's trees.
package enum YAMLParserPaths {
    package struct Result {
        package let tree: YAMLTree
        package let roots: [(id: Int32, document: Int)]
        package let diagnostics: [Diagnostic]

        init(_ output: FileParser.Output) {
            tree = output.tree
            roots = output.roots
            diagnostics = output.diagnostics
        }
    }

    /// The fast scanner's result, or nil when it gave the file up.
    package static func fast(file: String, bytes: [UInt8], limits: YAMLLimits = .default) -> Result? {
        FastScanner.parse(file: file, bytes: bytes, limits: limits).map(Result.init)
    }

    /// libyaml's result.
    package static func libyaml(file: String, bytes: [UInt8], limits: YAMLLimits = .default) -> Result {
        Result(FileParser.parseWithLibYAML(file: file, bytes: bytes, limits: limits))
    }
}
