import KubeEmit
import Testing

/// `TextLineGrammar.firstForbiddenByte` reads eight bytes at a time: a forbidden byte anywhere in a long text is
/// still found at its offset, whatever its place in the word.
struct TextLineGrammarWordTests {
    static let line = Array("-A KUBE-SERVICES -m comment --comment \"ns/web:http cluster IP\" -j KUBE-SVC-X\n".utf8)

    @Test(arguments: [0x00, 0x0D, 0x1B, 0x1F, 0x7F] as [UInt8], [0, 7, 8, 13, 160, 161] as [Int])
    func aControlByteIsFoundAtItsOffset(_ byte: UInt8, _ offset: Int) {
        var text = Self.line + Self.line + Self.line
        text[offset] = byte
        #expect(TextLineGrammar.firstForbiddenByte(in: text) == offset)
    }

    @Test func plainTextTabsAndNewlinesPass() {
        let text = Array(repeating: Self.line, count: 50).flatMap { $0 } + Array("\tend\n".utf8)
        #expect(TextLineGrammar.firstForbiddenByte(in: text) == nil)
    }

    @Test func validUTF8PassesAndABrokenSequenceIsRefused() {
        let valid = Self.line + Array("zoné ünïcode ✓\n".utf8) + Self.line
        #expect(TextLineGrammar.firstForbiddenByte(in: valid) == nil)
        var broken = valid
        broken[Self.line.count + 1] = 0xC3  // a lead byte followed by ASCII ("n")
        #expect(TextLineGrammar.firstForbiddenByte(in: broken) == broken.count)
    }
}
