import KubeModel
import Testing

/// The API server's Ingress host and path rules, shared by the linter and the nginx emitter.
struct IngressSyntaxTests {
    @Test(arguments: ["example.com", "*.example.com", "a-b.c0", "1.2.3.4"])
    func subdomainsAndWildcardsPass(_ host: String) {
        #expect(IngressSyntax.host(host).isSubdomain)
    }

    @Test(arguments: ["Example.com", "*.", "a..b", "-a.b", "a-.b", "*.*.example.com", "a_b.c", "::1", ""])
    func otherHostsAreNotSubdomains(_ host: String) {
        #expect(!IngressSyntax.host(host).isSubdomain)
    }

    @Test func theWildcardCountsTowardTheLengthLimit() {
        let name = String(repeating: "a.", count: 125) + "abc"  // 253 bytes
        #expect(IngressSyntax.host(name).isSubdomain)
        #expect(!IngressSyntax.host("*." + name).isSubdomain)
    }

    @Test func addressesAndLongLabelsAreNoted() {
        #expect(IngressSyntax.host("10.0.0.1").isIPAddress)
        #expect(IngressSyntax.host("fd00::1").isIPAddress)
        let long = String(repeating: "x", count: 64)
        #expect(IngressSyntax.host("\(long).example.com").longLabel == Substring(long))
        #expect(IngressSyntax.host("example.com").longLabel == nil)
    }

    @Test func theFirstLongLabelIsNotedWhereverItSits() {
        let long = String(repeating: "x", count: 64)
        let longer = String(repeating: "y", count: 70)
        #expect(IngressSyntax.host("a.\(long)").longLabel == Substring(long))
        #expect(IngressSyntax.host("*.a.\(longer).\(long)").longLabel == Substring(longer))
    }

    @Test func aWildcardOrNamedHostIsNoAddress() {
        #expect(!IngressSyntax.host("*.1.2.3.4").isIPAddress)
        #expect(!IngressSyntax.host("1.2.3.4.example").isIPAddress)
    }

    @Test func aDotCarryingACombiningMarkDoesNotEndALabel() {
        // `.` followed by U+0301 is one Character: the label runs on across it, as Swift's split sees it.
        let host = String(repeating: "x", count: 40) + ".\u{301}" + String(repeating: "y", count: 30)
        #expect(IngressSyntax.host(host).longLabel == Substring(host))
    }

    @Test func pathViolationsComeInTheAPIServersOrder() {
        #expect(IngressSyntax.pathViolations("/a//b/.") == [.contains("//"), .endsWith("/.")])
        #expect(IngressSyntax.pathViolations("/a%2Fb/..") == [.contains("%2F"), .endsWith("/..")])
        #expect(IngressSyntax.pathViolations("/a/b").isEmpty)
    }
}
