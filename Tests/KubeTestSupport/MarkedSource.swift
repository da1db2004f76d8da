import KubeYAML

/// YAML text with `↓` markers at the positions a finding must point to, as SwiftLint examples do.
///
/// The markers are removed from `text`; `locations` holds where each stood (1-based line and column,
/// counted in characters like libyaml).
package struct MarkedSource: Sendable {
    package let text: String
    package let locations: [SourceLocation]

    package static let marker: Character = "↓"

    package init(_ marked: String) {
        var text = ""
        var locations: [SourceLocation] = []
        var line: Int32 = 1
        var column: Int32 = 1
        for character in marked {
            if character == Self.marker {
                locations.append(SourceLocation(line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += Int32(character.unicodeScalars.count)
            }
        }
        self.text = text
        self.locations = locations
    }
}
