import KubeYAML

/// The files the input's kustomizations name as patches, so that a partial object next to a kustomization is
/// read as the patch it is.
///
/// kustomize takes patch files from `patchesStrategicMerge: [path]`, `patches: [{path}]` and
/// `patchesJson6902: [{path}]`, relative to the kustomization's folder. Inline patches (`patch: |`) are text,
/// not files, and are ignored here.
enum KustomizationReferences {
    /// Normalised paths (see `PathText.normalized`) of every patch file named by a kustomization document.
    ///
    /// `mayHoldGroup` says whether a file's bytes may spell kustomize's group (see `FileMarkers`): the roots of
    /// the files that cannot, and are not named as kustomizations, are not read at all.
    static func patchFiles(
        in documents: ArraySlice<YAMLDocument>, mayHoldGroup: (String) -> Bool = { _ in true }
    ) -> Set<String> {
        var files = Set<String>()
        // A file's documents are consecutive: whether it is named as a kustomization is asked once per file.
        var (lastFile, namedLikeKustomization, groupPossible): (String?, Bool, Bool) = (nil, false, true)
        for document in documents {
            if lastFile != document.file {
                lastFile = document.file
                namedLikeKustomization = DocumentClassifier.kustomizationNames.contains(
                    PathText.lastComponent(document.file))
                groupPossible = mayHoldGroup(document.file)
            }
            guard namedLikeKustomization || groupPossible else { continue }
            let root = document.root
            guard root.isMapping else { continue }
            // Only kustomize's group or a kustomization file name can make a kustomization: most documents stop
            // here without their kind being read.
            let apiVersion = root["apiVersion"]
            guard namedLikeKustomization || apiVersion?.textHasPrefix(kustomizeGroup) == true,
                DocumentClassifier.isKustomization(
                    apiVersion: apiVersion?.text ?? "", kind: root["kind"]?.text ?? "",
                    namedLikeKustomization: namedLikeKustomization)
            else { continue }
            let folder = PathText.folder(document.file)
            var named: [String] = []
            for item in root["patchesStrategicMerge"].map({ Array($0.items) }) ?? [] {
                if let text = item.string, !text.contains("\n") { named.append(text) }
            }
            for key in ["patches", "patchesJson6902"] {
                for item in root[key].map({ Array($0.items) }) ?? [] {
                    if let path = item["path"]?.string { named.append(path) }
                }
            }
            for path in named { files.insert(PathText.normalized(PathText.join(folder, path))) }
        }
        return files
    }

    private static let kustomizeGroup = "kustomize.config.k8s.io/"
}

/// Path text arithmetic without touching the file system (paths as the user gave them).
enum PathText {
    /// The folder part of a path: `a/b` of `a/b/c.yaml`, empty for a bare name.
    static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component: `c.yaml` of `a/b/c.yaml`.
    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `relative` read from `folder` (an absolute `relative` stands alone).
    static func join(_ folder: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty { return relative }
        return folder + "/" + relative
    }

    /// Drops `.` components and folds `name/..` pairs, so two spellings of one path compare equal.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
