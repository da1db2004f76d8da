import Dispatch
import KubeYAML

/// Sorts what a GitOps repository holds before objects are identified: Kubernetes objects, patches of objects,
/// and files that are not objects at all.
///
/// Repositories keep kustomization files, kustomize patches, Helm values and chart templates next to their
/// manifests. None of them is an object the API server would receive, so reporting them as broken objects is
/// noise. This pass recognises each shape and says once, as info (a warning for an unrendered template), what
/// it skipped and why:
/// - `kustomization.yaml` files and `Kustomization`/`Component` documents;
/// - documents with neither `apiVersion` nor `kind` (Helm values, dashboards, configuration files);
/// - JSON patches (RFC 6902: a list of `op`/`path` items);
/// - strategic-merge patches: objects holding a `$patch`-style directive, or named as a patch by a
///   kustomization of the input; they are kept apart so that only the fields they set are checked;
/// - files with unrendered `{{ … }}` template placeholders that broke the YAML or the object's shape:
///   one finding for the file, and none of its documents is checked (each placeholder would cascade).
package enum DocumentClassifier {
    /// What classification produced, in input order.
    package struct Result: Sendable {
        /// Documents to identify and decode as objects.
        package var objects: [YAMLDocument] = []
        /// Strategic-merge patches: partial objects.
        package var patches: [YAMLDocument] = []
        /// The loader's findings (minus those of unrendered templates) and this pass's own.
        package var diagnostics: [Diagnostic] = []
    }

    /// The rule ids of classification findings.
    package enum RuleID {
        /// A kustomization or Component file: kustomize's input, not an object (info).
        package static let kustomization = "kustomization-file"
        /// A document that is no Kubernetes object (no apiVersion and no kind; a JSON patch) (info).
        package static let notAnObject = "not-an-object"
        /// A strategic-merge patch: checked for the fields it sets only (info).
        package static let patch = "patch-document"
        /// A file with `{{ … }}` placeholders that were never filled in (warning).
        package static let template = "template-not-rendered"

        /// Every id, for the rule catalogue.
        package static let all = [kustomization, notAnObject, patch, template]
    }

    /// File names kustomize reads as a kustomization.
    static let kustomizationNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Classifies every loaded document; `context` documents (kustomizations that are not inputs) only help.
    package static func classify(_ load: YAMLLoadResult, context: [YAMLDocument] = []) -> Result {
        let preparation = prepare(load, context: context)
        let documents = load.documents
        var result = Result()
        result.diagnostics = preparation.diagnostics
        let parts = inChunks(documents.count) { classify(documents[$0], preparation) }
        // Joined in chunk order: exactly what one pass in input order appends.
        result.objects.reserveCapacity(documents.count)
        for part in parts {
            result.objects += part.objects
            result.patches += part.patches
            result.diagnostics += part.diagnostics
        }
        return result
    }

    /// What classifying a document needs to know of the whole input, found once before any document is
    /// classified; then shared by the workers that classify ranges of documents (`classify(_:_:)`).
    package struct Preparation: Sendable {
        /// The loader's findings (minus those of unrendered templates) and one finding per template file: they
        /// come before the findings of every document.
        package var diagnostics: [Diagnostic]
        let templates: [String: SourceRange]
        let markers: [String: FileMarkers]
        /// Normalised paths of the files a kustomization names as patches.
        let patchFiles: Set<String>
    }

    /// Scans every file's bytes and finds the files kustomizations name as patches.
    package static func prepare(_ load: YAMLLoadResult, context: [YAMLDocument] = []) -> Preparation {
        // Every byte of every file is scanned: files are spread over both cores.
        let files = load.files
        let scans = ResultSlots<FileMarkers>(count: files.count)
        if files.count > 1 {
            DispatchQueue.concurrentPerform(iterations: files.count) { position in
                scans.store(FileMarkers.scan(files[position].bytes), at: position)
            }
        } else {
            for (position, file) in files.enumerated() { scans.store(FileMarkers.scan(file.bytes), at: position) }
        }
        var markers: [String: FileMarkers] = [:]
        for (file, found) in zip(files, scans.values())
        where found.template != nil || found.patchDirective || found.kustomizeGroup {
            markers[file.path] = found
        }
        // Files not among the inputs (stdin's documents are, as `<stdin>`) are read for kustomizations as before.
        let groupFiles = Set(markers.filter { $0.value.kustomizeGroup }.keys)
        let scanned = Set(files.map(\.path))
        let templates = templateFiles(load, markers: markers)
        // The pass over the documents below reads roots: it runs in chunks on both cores.
        let documents = load.documents
        var patchFiles = KustomizationReferences.patchFiles(in: context[...])
        let mayHoldGroup: @Sendable (String) -> Bool = { file in !scanned.contains(file) || groupFiles.contains(file) }
        for found in inChunks(documents.count, {
            KustomizationReferences.patchFiles(in: documents[$0], mayHoldGroup: mayHoldGroup)
        }) {
            patchFiles.formUnion(found)
        }
        var diagnostics = load.diagnostics.filter { diagnostic in
            guard let file = diagnostic.range?.file else { return true }
            return templates[file] == nil
        }
        for file in templates.keys.sorted() {
            if let range = templates[file] { diagnostics.append(templateFinding(at: range)) }
        }
        return Preparation(diagnostics: diagnostics, templates: templates, markers: markers, patchFiles: patchFiles)
    }

    /// Classifies consecutive documents in order; `diagnostics` of the result are those of these documents only
    /// (the preparation's own come first, see `Preparation.diagnostics`).
    package static func classify(_ documents: ArraySlice<YAMLDocument>, _ preparation: Preparation) -> Result {
        // A file's documents are consecutive: its facts are worked out once, on its first document.
        var part = Result()
        var facts = FileFacts(file: nil)
        let known = preparation.patchFiles
        for document in documents {
            if facts.file != document.file {
                facts = FileFacts(file: document.file)
                facts.templated = preparation.templates[document.file] != nil
                facts.directives = preparation.markers[document.file]?.patchDirective ?? false
                facts.namedPatch = !known.isEmpty && known.contains(PathText.normalized(document.file))
                facts.kustomizationName = kustomizationNames.contains(PathText.lastComponent(document.file))
            }
            if facts.templated { continue }
            classify(document, facts, into: &part)
        }
        return part
    }

    /// `body` over consecutive ranges covering `count` positions, in order: on both cores for a large input.
    private static func inChunks<T>(_ count: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let chunks = count < 2_048 ? 1 : 8
        guard chunks > 1 else { return [body(0..<count)] }
        let slots = ResultSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            slots.store(body(count * chunk / chunks..<count * (chunk + 1) / chunks), at: chunk)
        }
        return slots.values()
    }

    /// What classification needs to know of a document's file.
    struct FileFacts {
        var file: String?
        var templated = false
        var directives = false
        var namedPatch = false
        var kustomizationName = false
    }

    private static func classify(_ document: YAMLDocument, _ facts: FileFacts, into result: inout Result) {
        let root = document.root
        if root.isSequence, JSONPatchShape.matches(root) {
            result.diagnostics.append(
                Diagnostic(
                    rule: RuleID.notAnObject, severity: .info,
                    message: "a JSON patch (RFC 6902), not an object: skipped",
                    range: root.range,
                    hint: "kubec checks the objects kustomize renders: kustomize build DIR | kubec lint -"))
            return
        }
        guard root.isMapping else {
            result.objects.append(document)
            return
        }
        // Nodes rather than strings: most documents are plain objects, and their texts are not needed here.
        let (apiVersionNode, kindNode, _) = MappingKeys.values(of: root, "apiVersion", "kind")
        var kind: String { kindNode?.text ?? "" }
        // Only kustomize's group or a kustomization file name can make a kustomization (see `isKustomization`).
        if facts.kustomizationName || apiVersionNode?.textHasPrefix(kustomizeGroup) == true,
            isKustomization(
                apiVersion: apiVersionNode?.text ?? "", kind: kind, namedLikeKustomization: facts.kustomizationName)
        {
            result.diagnostics.append(
                Diagnostic(
                    rule: RuleID.kustomization, severity: .info,
                    message: "a kustomize \(kind.isEmpty ? "Kustomization" : kind), not an object: skipped",
                    range: root.range, hint: "lint what it renders: kustomize build DIR | kubec lint -"))
            return
        }
        if Self.isEmptyText(apiVersionNode), Self.isEmptyText(kindNode) {
            if root.count == 0 { return }
            result.diagnostics.append(
                Diagnostic(
                    rule: RuleID.notAnObject, severity: .info,
                    message:
                        "no apiVersion and no kind: not a Kubernetes object (Helm values, a configuration file?), skipped",
                    range: root.range, hint: "give the file apiVersion and kind if it is meant to be an object"))
            return
        }
        if facts.namedPatch || (facts.directives && PatchDirectives.contains(root)) {
            result.patches.append(document)
            result.diagnostics.append(
                Diagnostic(
                    rule: RuleID.patch, severity: .info,
                    message:
                        "a strategic-merge patch of \(kind.isEmpty ? "an object" : kind): only the fields it sets are checked",
                    range: root.range))
            return
        }
        result.objects.append(document)
    }

    /// Whether a field reads as `""` (`node?.text ?? ""`): absent, a collection, or an empty scalar.
    private static func isEmptyText(_ node: YAMLNode?) -> Bool {
        guard let node, node.isScalar else { return true }
        return node.textEquals("")
    }

    private static let kustomizeGroup = "kustomize.config.k8s.io/"

    static func isKustomization(apiVersion: String, kind: String, file: String) -> Bool {
        isKustomization(
            apiVersion: apiVersion, kind: kind,
            namedLikeKustomization: kustomizationNames.contains(PathText.lastComponent(file)))
    }

    /// The same, with whether the file is named as a kustomization already known.
    static func isKustomization(apiVersion: String, kind: String, namedLikeKustomization: Bool) -> Bool {
        if apiVersion.hasPrefix(kustomizeGroup) { return true }
        return namedLikeKustomization && (kind.isEmpty || kind == "Kustomization" || kind == "Component")
    }

    /// Files with placeholders whose documents would not load or are misshapen by them, with where the first
    /// placeholder sits.
    private static func templateFiles(_ load: YAMLLoadResult, markers: [String: FileMarkers]) -> [String: SourceRange] {
        var found: [String: SourceRange] = [:]
        let candidates = markers.filter { $0.value.template != nil }
        guard !candidates.isEmpty else { return found }
        var broken = Set<String>()
        for diagnostic in load.diagnostics where diagnostic.severity == .error {
            if let file = diagnostic.range?.file, candidates[file] != nil { broken.insert(file) }
        }
        for document in load.documents where candidates[document.file] != nil && !broken.contains(document.file) {
            if TemplateShape.misshapen(document.root) { broken.insert(document.file) }
        }
        for file in broken {
            if let at = candidates[file]?.template {
                found[file] = SourceRange(file: file, line: at.line, column: at.column)
            }
        }
        return found
    }

    private static func templateFinding(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            rule: RuleID.template, severity: .warning,
            message: "template not rendered: `{{ … }}` placeholders are still in the file; its objects are not checked",
            range: range, hint: "lint the rendered output, e.g. helm template CHART | kubec lint -")
    }
}

/// What a byte scan of a file finds: the first `{{`, and whether a strategic-merge directive key or kustomize's
/// API group may occur.
struct FileMarkers {
    var template: SourceLocation?
    var patchDirective = false
    /// The file may hold a value starting with `kustomize.config.k8s.io/`: the text is in it, or a backslash is
    /// (a double-quoted escape could spell it). Without either no document of the file is a kustomization by
    /// its apiVersion, and its roots need not be read for it.
    var kustomizeGroup = false

    static let kustomizeGroupBytes = Array("kustomize.config.k8s.io/".utf8)
    /// Where the group's rarest byte, its `z`, sits in it.
    static let kustomizeGroupZ = 7

    /// Looks for both markers in one pass; the position of `{{` (columns count characters) is worked out only
    /// once one is found, so the pass over every byte of the input does no line bookkeeping.
    static func scan(_ bytes: [UInt8]) -> FileMarkers {
        var markers = FileMarkers()
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            var template: Int?
            var index = 0
            // Both markers are two bytes long.
            while index + 1 < bytes.count {
                // Eight bytes at a time while none of them is `{`, `$`, `z` or a backslash (most of a file).
                if index + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if !ByteWord.contains(word, UInt8(ascii: "{")), !ByteWord.contains(word, UInt8(ascii: "$")),
                        !ByteWord.contains(word, UInt8(ascii: "z")), !ByteWord.contains(word, UInt8(ascii: "\\")) {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "{") {
                    if template == nil, bytes[index + 1] == UInt8(ascii: "{") { template = index }
                } else if byte == UInt8(ascii: "$"), !markers.patchDirective {
                    markers.patchDirective = PatchDirectives.firstLetters.contains(bytes[index + 1])
                } else if byte == UInt8(ascii: "\\") {
                    markers.kustomizeGroup = true
                } else if byte == UInt8(ascii: "z"), !markers.kustomizeGroup {
                    markers.kustomizeGroup = spellsKustomizeGroup(bytes, zAt: index)
                }
                index += 1
            }
            if let template { markers.template = location(of: template, in: bytes) }
        }
        return markers
    }

    private static func spellsKustomizeGroup(_ bytes: UnsafeBufferPointer<UInt8>, zAt index: Int) -> Bool {
        let start = index - kustomizeGroupZ
        guard start >= 0, start + kustomizeGroupBytes.count <= bytes.count else { return false }
        for (offset, byte) in kustomizeGroupBytes.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    /// The line and column of a byte offset (columns count characters: UTF-8 continuation bytes start none).
    private static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line: Int32 = 1
        var column: Int32 = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}

/// Strategic-merge patch directives (k8s.io/apimachinery `strategicpatch`): `$patch`, `$retainKeys`,
/// `$setElementOrder/…`, `$deleteFromPrimitiveList/…`.
enum PatchDirectives {
    static let firstLetters: Set<UInt8> = [UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "d")]

    static func isDirective(_ key: String) -> Bool {
        key == "$patch" || key == "$retainKeys" || key.hasPrefix("$setElementOrder/")
            || key.hasPrefix("$deleteFromPrimitiveList/")
    }

    /// Whether any mapping under `node` has a directive key.
    static func contains(_ node: YAMLNode, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch node.kind {
        case .scalar: return false
        case .sequence: return node.items.contains { contains($0, depth: depth + 1) }
        case .mapping:
            return node.pairs.contains { pair in
                (pair.key.text.map(isDirective) ?? false) || contains(pair.value, depth: depth + 1)
            }
        }
    }
}

/// RFC 6902: a JSON patch is a list of operations, each a mapping with `op` and `path`.
enum JSONPatchShape {
    static func matches(_ root: YAMLNode) -> Bool {
        root.count > 0 && root.items.allSatisfy { $0.isMapping && $0["op"] != nil && $0["path"] != nil }
    }
}

/// How unfilled placeholders show in a parsed tree: `{{name}}` unquoted is a flow mapping whose key is itself a
/// mapping, something no object has; `{{…}}` inside a name or a label can never be valid there either.
enum TemplateShape {
    static func misshapen(_ root: YAMLNode) -> Bool {
        if hasComplexKey(root, depth: 0) { return true }
        guard root.isMapping else { return false }
        return identityHasPlaceholder(root["metadata"])
            || identityHasPlaceholder(root["spec"]?["template"]?["metadata"])
            || labelsHavePlaceholder(root["spec"]?["selector"])
    }

    private static func hasComplexKey(_ node: YAMLNode, depth: Int) -> Bool {
        guard depth < 64 else { return false }
        switch node.kind {
        case .scalar: return false
        case .sequence: return node.items.contains { hasComplexKey($0, depth: depth + 1) }
        case .mapping:
            return node.pairs.contains { !$0.key.isScalar || hasComplexKey($0.value, depth: depth + 1) }
        }
    }

    private static func identityHasPlaceholder(_ metadata: YAMLNode?) -> Bool {
        guard let metadata, metadata.isMapping else { return false }
        for key in ["name", "namespace", "generateName"] where hasPlaceholder(metadata[key]) { return true }
        return labelsHavePlaceholder(metadata["labels"])
    }

    private static func labelsHavePlaceholder(_ labels: YAMLNode?) -> Bool {
        guard let labels, labels.isMapping else { return false }
        return labels.pairs.contains { hasPlaceholder($0.key) || hasPlaceholder($0.value) }
    }

    private static func hasPlaceholder(_ node: YAMLNode?) -> Bool {
        guard let text = node?.text else { return false }
        return text.contains("{{")
    }
}
