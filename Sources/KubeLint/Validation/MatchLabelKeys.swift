import KubeYAML

/// `matchLabelKeys` / `mismatchLabelKeys` of pod (anti-)affinity terms and topology spread constraints, as the
/// API server's `ValidateMatchLabelKeysAndMismatchLabelKeys` checks them.
///
/// The API server merges each key the pod carries into the term's `labelSelector` when it creates the pod
/// (`key In [value]`, `key NotIn [value]` for mismatch keys) and validates the merged selector: a
/// `matchLabelKeys` key the selector already names then appears twice and the pod is rejected. For a workload
/// the template is accepted and every pod it makes is refused, so the workload never runs. Topology spread
/// constraints merge the same way since 1.34 (`MatchLabelKeysInPodTopologySpreadSelectorMerge`); before it the
/// API rejected the overlap on the template itself whatever the pod's labels (not modelled: the merged rule is
/// the one of every version since).
enum MatchLabelKeys {
    /// Checks one term or constraint; `podLabels` are the labels its pods carry.
    static func check(
        _ term: YAMLNode, podLabels: [String: String], _ object: ObjectRef, _ sink: inout FindingSink
    ) {
        let selector = term["labelSelector"]
        let hasSelector = selector.map { !$0.isNull } ?? false
        let match = term.pair(forKey: "matchLabelKeys")
        let mismatch = term.pair(forKey: "mismatchLabelKeys")
        for list in [match, mismatch].compactMap({ $0 }) where list.value.count > 0 {
            guard hasSelector else {
                sink.fieldError(object, at: list.key, pathOf: list.value,
                                .forbidden("must not be specified when labelSelector is not set"),
                                hint: "add a labelSelector; the keys only narrow it")
                continue
            }
            for item in list.value.items {
                let text = item.text ?? ""
                for error in NameValidation.qualifiedName(text) {
                    sink.fieldError(object, at: item, .invalid(.string(text), error))
                }
            }
        }
        guard let match, hasSelector, let selector else { return }
        let mismatchKeys = Set(mismatch?.value.items.compactMap(\.text) ?? [])
        let selectorKeys = Set((selector["matchLabels"]?.pairs.compactMap { $0.key.text } ?? [])
            + (selector["matchExpressions"]?.items.compactMap { $0["key"]?.text } ?? []))
        for item in match.value.items {
            guard let key = item.text, !key.isEmpty else { continue }
            if mismatchKeys.contains(key) {
                sink.fieldError(object, at: item, .invalid(.string(key), "exists in both matchLabelKeys and mismatchLabelKeys"))
            } else if selectorKeys.contains(key), podLabels[key] != nil {
                sink.fieldError(
                    object, at: item, .invalid(.string(key), "exists in both matchLabelKeys and labelSelector"),
                    hint: "the API server adds `\(key) In [<the pod's value>]` to the selector when it creates each pod, "
                        + "and refuses the pod because the selector already names \(key): drop one of them")
            }
        }
    }
}
