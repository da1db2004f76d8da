import KubePlan
import Testing

@testable import KubeEmit

/// Each supported annotation's grammar: values it accepts and values it refuses.
@Suite("nginx emitter: annotation grammars")
struct NginxAnnotationsTests {
    private func parse(_ key: String, _ value: String) -> NginxAnnotations? {
        NginxAnnotations.parse([NginxAnnotations.prefix + key: value]).value
    }

    @Test(arguments: [
        ("rewrite-target", "/$2"), ("rewrite-target", "/"), ("rewrite-target", "/api/$1/x:y"), ("use-regex", "true"),
        ("ssl-redirect", "false"), ("force-ssl-redirect", "True"), ("backend-protocol", "GRPCS"),
        ("backend-protocol", "https"),
        ("proxy-body-size", "8m"), ("proxy-body-size", "0"), ("proxy-connect-timeout", "15"),
        ("proxy-read-timeout", "3600"),
        ("whitelist-source-range", "10.0.0.0/8, 192.168.1.1"), ("allowlist-source-range", "fd00::/8"),
        ("app-root", "/app"),
        ("permanent-redirect", "https://example.com/x?a=1&b=2"), ("temporal-redirect", "/elsewhere"),
        ("permanent-redirect-code", "308"), ("affinity", "cookie"), ("session-cookie-name", "route_1"),
        ("session-cookie-path", "/shop"),
    ])
    func acceptsValidValue(key: String, value: String) {
        #expect(parse(key, value) != nil)
    }

    @Test(arguments: [
        ("rewrite-target", "/$host"), ("rewrite-target", "relative"), ("rewrite-target", "/a b"),
        ("rewrite-target", "/$"),
        ("use-regex", "yes"), ("ssl-redirect", ""), ("backend-protocol", "FCGI"), ("backend-protocol", "HTTP;"),
        ("proxy-body-size", "8mb"), ("proxy-body-size", "-1"), ("proxy-body-size", "1234567890"),
        ("proxy-connect-timeout", "5s"), ("proxy-send-timeout", "1e3"), ("proxy-read-timeout", "9999999"),
        ("whitelist-source-range", "10.0.0.0/33"), ("whitelist-source-range", "10.0.0.0/8;deny"),
        ("allowlist-source-range", ""), ("app-root", "app"), ("app-root", "/a?b"),
        ("permanent-redirect", "javascript:alert(1)"),
        ("permanent-redirect", "https://ex ample.com/"), ("permanent-redirect", "https://example.com/$uri"),
        ("temporal-redirect", "//evil.example/"), ("permanent-redirect-code", "200"), ("affinity", "ip"),
        ("session-cookie-name", "a-b"), ("session-cookie-name", "a$b"), ("session-cookie-path", "/a;b"),
    ])
    func refusesInvalidValue(key: String, value: String) {
        let result = NginxAnnotations.parse([NginxAnnotations.prefix + key: value])
        #expect(result.value == nil)
        #expect(result.findings.map(\.rule) == [NginxRuleID.invalidAnnotation])
    }

    @Test func allowlistWinsOverItsWhitelistAlias() {
        let value = NginxAnnotations.parse([
            NginxAnnotations.prefix + "allowlist-source-range": "10.0.0.0/8",
            NginxAnnotations.prefix + "whitelist-source-range": "192.168.0.0/16",
        ]).value
        #expect(value?.allowSourceRanges == ["10.0.0.0/8"])
    }

    @Test func redirectCodeAppliesToItsRedirect() {
        let value = NginxAnnotations.parse([
            NginxAnnotations.prefix + "temporal-redirect": "/x",
            NginxAnnotations.prefix + "temporal-redirect-code": "307",
        ]).value
        #expect(value?.redirect == NginxAnnotations.Redirect(code: 307, url: "/x"))
    }

    @Test func unsupportedAccessControlAnnotationRefusesTheIngress() {
        let result = NginxAnnotations.parse([NginxAnnotations.prefix + "auth-url": "http://auth.example/"])
        #expect(result.value == nil)
        #expect(result.findings.map(\.rule) == [NginxRuleID.unsupportedAnnotation])
    }

    @Test func unsupportedHarmlessAnnotationIsAWarning() {
        let result = NginxAnnotations.parse([NginxAnnotations.prefix + "proxy-buffering": "on"])
        #expect(result.value != nil)
        #expect(result.findings.map(\.severity) == [.warning])
    }

    @Test func otherPrefixesAreIgnored() {
        let result = NginxAnnotations.parse(["kubernetes.io/ingress.class": "nginx", "example.com/x": "$;{"])
        #expect(result.value == NginxAnnotations())
        #expect(result.findings.isEmpty)
    }
}
