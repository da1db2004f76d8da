import KubeModel
import Testing

/// Addresses and prefixes parse as Go's net package reads them (the API server's parser).
struct NetworkTests {
    @Test(arguments: ["10.0.0.0/8", "10.1.2.3/24", "fd00::/64", "::ffff:10.0.0.0/104", "0.0.0.0/0"])
    func validPrefixesParse(_ text: String) {
        #expect(CIDR(text) != nil, "\(text)")
    }

    @Test(arguments: ["10.0.0.0/+8", "10.0.0.0/-8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0", "010.0.0.0/8",
                      "10.0.0.0/8/8", "fd00::/129", "10.0.0.0/ 8"])
    func malformedPrefixesAreRejected(_ text: String) {
        #expect(CIDR(text) == nil, "\(text)")
    }

    @Test func hostBitsAreClearedUnlessStrict() {
        #expect(CIDR("10.1.2.3/24")?.description == "10.1.2.0/24")
        #expect(CIDR("10.1.2.3/24", strict: true) == nil)
    }

    @Test func strictContainmentNeedsASmallerPrefixInside() throws {
        let block = try #require(CIDR("10.0.0.0/16"))
        #expect(block.strictlyContains(try #require(CIDR("10.0.1.0/24"))))
        #expect(!block.strictlyContains(block))
        #expect(!block.strictlyContains(try #require(CIDR("10.1.0.0/24"))))
        #expect(!block.strictlyContains(try #require(CIDR("fd00::/64"))))
    }
}
