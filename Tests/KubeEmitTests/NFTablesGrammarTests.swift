import KubeModel
import Testing

@testable import KubeEmit

/// `NFTGrammar`: what nft's scanner reads as one identifier, a comment, an address or a port.
@Suite struct NFTablesGrammarTests {
    @Test(arguments: [
        "service-ULMVA6XW-ns1/svc1/tcp/p80", "endpoint-U7E2ET36-testing/service/tcp/http__fd80.abcd.12..a1b2/80",
        "_x", ".x", "reject-chain",
    ])
    func kubeProxyNamesAreIdentifiers(_ name: String) {
        #expect(NFTGrammar.isIdentifier(name))
    }

    @Test(arguments: ["", "1abc", "-abc", "a b", "a\"b", "a;b", "a:b", "a{b", String(repeating: "a", count: 256)])
    func otherTextIsNotAnIdentifier(_ name: String) {
        #expect(!NFTGrammar.isIdentifier(name))
    }

    @Test func commentsHoldNoQuoteNoLineBreakAndAtMost128Bytes() {
        #expect(NFTGrammar.isComment("ns1/svc1:p80"))
        #expect(!NFTGrammar.isComment("a\"b"))
        #expect(!NFTGrammar.isComment("a\nb"))
        #expect(NFTGrammar.isComment(String(repeating: "a", count: 128)))
        #expect(!NFTGrammar.isComment(String(repeating: "a", count: 129)))
    }

    @Test func addressesMustBeCanonicalAndOfTheFamily() {
        #expect(NFTGrammar.isAddress("10.0.0.1", .v4))
        #expect(!NFTGrammar.isAddress("10.0.0.01", .v4))
        #expect(!NFTGrammar.isAddress("fd00::1", .v4))
        #expect(NFTGrammar.isAddress("fd00::1", .v6))
        #expect(!NFTGrammar.isAddress("FD00::1", .v6))
        #expect(NFTGrammar.isPrefix("203.0.113.0/25", .v4))
        #expect(!NFTGrammar.isPrefix("203.0.113.1/25", .v4))
    }

    @Test func portsAreOneTo65535() {
        #expect(NFTGrammar.isPort(1) && NFTGrammar.isPort(65535))
        #expect(!NFTGrammar.isPort(0) && !NFTGrammar.isPort(65536))
    }
}
