/// Splits `kind: List` (and `*List`) documents into their items, as `kubectl apply` does.
///
/// Each item keeps its own node, so positions still point at the item inside the list.
enum ListSplitter {
    static func split(_ document: YAMLDocument) -> [YAMLDocument] {
        let root = document.root
        // Most documents are no list: their kind's bytes are compared in place, with no String made.
        guard root.isMapping, let kindNode = root["kind"], kindNode.textHasSuffix("List") else { return [document] }
        guard let kind = root["kind"]?.string, kind == "List" || kind.hasSuffix("List"),
              let items = root["items"], items.isSequence, root["apiVersion"] != nil
        else { return [document] }
        return items.items.enumerated().map { offset, item in
            YAMLDocument(root: item, index: document.index, listItem: offset)
        }
    }
}
