/// Seeded mutations for the replay's fixed-seed pass (`--mutations N --seed S`): the same inputs every run, so
/// `make test` is reproducible; libFuzzer (`make fuzz`) explores the rest.
struct Mutator {
    /// SplitMix64.
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// Fragments an attacker would try in names, ports and annotations.
    static let tokens: [String] = [
        "\n-A INPUT -j ACCEPT\n", "$(touch /tmp/kubec-fuzz)", "\"", "'", ";", "\u{1B}[2J", "\u{0}", "1000000000", "-1",
        "65536", "1e9", "../../", "{", "}", "[", "*a", "&a ", "\n---\n", "\r", String(repeating: "x", count: 300),
    ]

    /// One mutant of `input`: a token inserted, a byte changed, a range dropped or a line repeated.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(3) {
            let at = below(bytes.count + 1)
            switch below(4) {
            case 0: bytes.insert(contentsOf: Array(Self.tokens[below(Self.tokens.count)].utf8), at: at)
            case 1 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
            case 2 where !bytes.isEmpty: bytes.removeSubrange(min(at, bytes.count - 1)..<min(at + below(40) + 1, bytes.count))
            default:
                let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                bytes.insert(contentsOf: bytes[at..<end], at: end)
            }
        }
        return bytes
    }
}
