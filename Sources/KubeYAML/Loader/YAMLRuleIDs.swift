/// The rule ids of the loader's own findings.
package enum YAMLRuleID {
    package static let syntax = "yaml-syntax"
    package static let duplicateKey = "yaml-duplicate-key"
    package static let aliasExpansion = "yaml-alias-limit"
    package static let depth = "yaml-depth-limit"
    package static let fileSize = "yaml-file-too-large"
    package static let documentCount = "yaml-document-limit"
    package static let scalarLength = "yaml-scalar-limit"
    package static let unknownAnchor = "yaml-unknown-anchor"
    package static let mergeKey = "yaml-merge-key"
    package static let notUTF8 = "yaml-encoding"
    package static let unreadable = "input-unreadable"
}
