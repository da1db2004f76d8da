import KubePlan
import Testing

@testable import KubeEmit

/// The API's and ingress-nginx's input checks that the nginx emitter applies again.
@Suite("nginx emitter: input rules")
struct NginxEmitterInputRulesTests {
    @Test(arguments: ["/", "/foo", "/foo/", "/a.b/c-d_e", "/API/v1"])
    func strictPathIsAccepted(path: String) {
        #expect(IngressInputRules.pathProblem(path, type: .prefix) == nil)
        #expect(IngressInputRules.pathProblem(path, type: .exact) == nil)
    }

    @Test(arguments: ["foo", "", "/a//b", "/a/./b", "/a/../b", "/a/..", "/a/.", "/a b", "/a%2Fb", "/a;b", "/é"])
    func pathBreakingAPIOrStrictRulesIsRefused(path: String) {
        #expect(IngressInputRules.pathProblem(path, type: .prefix) != nil)
        #expect(IngressInputRules.pathProblem(path, type: .exact) != nil)
    }

    @Test(arguments: ["", "/a b{c}\"d", "/é"])
    func implementationSpecificAllowsFreeText(path: String) {
        #expect(IngressInputRules.pathProblem(path, type: .implementationSpecific) == nil)
    }

    @Test(arguments: ["relative", "/a\nb", "/a\u{0}", "/a\u{202E}b"])
    func implementationSpecificRefusesControlsAndRelativePaths(path: String) {
        #expect(IngressInputRules.pathProblem(path, type: .implementationSpecific) != nil)
    }

    @Test(arguments: ["foo.bar.com", "*.foo.com", "a", "x-1.y"])
    func validHostIsAccepted(host: String) {
        #expect(IngressInputRules.hostProblem(host) == nil)
    }

    @Test(arguments: [
        "*", "*.", "a.*.com", "Foo.com", "foo.com:80", "10.0.0.1", "foo..com", "-a.com", "*foo.com", "a b",
    ])
    func invalidHostIsRefused(host: String) {
        #expect(IngressInputRules.hostProblem(host) != nil)
    }

    @Test(arguments: [
        ("http", true), ("web-8080", true), ("8080", false), ("a--b", false), ("sixteen-chars-xx", false),
    ])
    func portNameFollowsIANASvcName(name: String, valid: Bool) {
        #expect(IngressInputRules.isPortName(name) == valid)
    }
}
