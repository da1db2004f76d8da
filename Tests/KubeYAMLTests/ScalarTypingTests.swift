import KubeYAML
import Testing

/// The plain-scalar table of goyaml.v2 (what `kubectl apply` sees), not YAML 1.2.
@Suite struct ScalarTypingTests {
    static let table: [(String, ScalarType)] = [
        ("y", .bool), ("Y", .bool), ("yes", .bool), ("Yes", .bool), ("YES", .bool), ("on", .bool), ("On", .bool),
        ("ON", .bool), ("true", .bool), ("True", .bool), ("n", .bool), ("N", .bool), ("no", .bool), ("No", .bool),
        ("off", .bool), ("OFF", .bool), ("false", .bool), ("FALSE", .bool),
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("0", .int), ("42", .int), ("-17", .int), ("+3", .int), ("017", .int), ("0o17", .int), ("0x1F", .int),
        ("0b101", .int), ("1_000", .int), ("9223372036854775807", .int),
        ("1.10", .float), ("1e3", .float), (".5", .float), ("-.inf", .float), (".NaN", .float), ("08", .float),
        ("99999999999999999999", .float),
        ("12:30", .string), ("2001-12-14", .string), ("yess", .string), ("nope", .string), ("0x", .string),
        ("1.2.3", .string), ("web", .string), ("-x", .string), ("~x", .string), ("TRUE_", .string),
        ("1Gi", .string), ("500m", .string),
    ]

    @Test(arguments: table)
    func plainScalarResolvesLikeGoYAMLv2(text: String, expected: ScalarType) throws {
        let result = YAMLLoader.load(text: "v: \(text)\n")
        let value = try #require(result.documents.first?.root["v"])
        #expect(value.scalarType == expected, "\(text)")
    }

    @Test func quotedScalarsAreStrings() throws {
        let result = YAMLLoader.load(text: "a: \"on\"\nb: '017'\nc: !!str yes\nd: |\n  true\n")
        let root = try #require(result.documents.first?.root)
        for key in ["a", "b", "c", "d"] {
            #expect(root[key]?.scalarType == .string, "\(key)")
        }
        #expect(root["c"]?.hasExplicitTag == true)
    }

    @Test func valuesReadAsGoReadsThem() throws {
        let root = try #require(YAMLLoader.load(text: "a: 017\nb: 0x1F\nc: on\nd: 1.10\ne: -0b11\n").documents.first?.root)
        #expect(root["a"]?.int == 15)
        #expect(root["b"]?.int == 31)
        #expect(root["c"]?.bool == true)
        #expect(root["d"]?.number == 1.1)
        #expect(root["e"]?.int == -3)
    }

    @Test func originalTextAndStyleAreKept() throws {
        let root = try #require(YAMLLoader.load(text: "a: on\nb: 'x'\n").documents.first?.root)
        #expect(root["a"]?.text == "on")
        #expect(root["a"]?.style == .plain)
        #expect(root["b"]?.style == .singleQuoted)
    }
}
