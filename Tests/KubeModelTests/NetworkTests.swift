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

    @Test func subnetsStepThroughAllOfTheAddress() throws {
        let v6 = try #require(CIDR("fd00:10:244::/56"))
        #expect(v6.subnetCount(length: 64) == 256)
        #expect(v6.subnet(0, length: 64)?.description == "fd00:10:244::/64")
        #expect(v6.subnet(1, length: 64)?.description == "fd00:10:244:1::/64")
        #expect(v6.subnet(255, length: 64)?.description == "fd00:10:244:ff::/64")
        #expect(v6.subnet(256, length: 64) == nil)
        let v4 = try #require(CIDR("10.244.0.0/16"))
        #expect(v4.subnetCount(length: 24) == 256)
        #expect(v4.subnet(7, length: 24)?.description == "10.244.7.0/24")
        #expect(v4.subnet(0, length: 8) == nil)
        #expect(try #require(CIDR("fd00::/64")).subnet(3, length: 126)?.description == "fd00::c/126")
    }

    @Test func strictContainmentNeedsASmallerPrefixInside() throws {
        let block = try #require(CIDR("10.0.0.0/16"))
        #expect(block.strictlyContains(try #require(CIDR("10.0.1.0/24"))))
        #expect(!block.strictlyContains(block))
        #expect(!block.strictlyContains(try #require(CIDR("10.1.0.0/24"))))
        #expect(!block.strictlyContains(try #require(CIDR("fd00::/64"))))
    }
}
