import Foundation
import KubeEmit
import KubeTestSupport
import Testing

/// The per-target token grammars, each fed the hostile values directly.
struct TargetGrammarTests {
    @Test(arguments: HostileValueTests.hostileNames + ["a\"b", "a\\b", "ok\r", String(repeating: "x", count: 256)])
    func iptablesCommentRefusesHostileText(_ text: String) {
        #expect(!IPTablesGrammar.isCommentText(text) || !text.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\\" }))
        #expect(!IPTablesGrammar.isCommentText(text) || text.utf8.count <= 255)
    }

    @Test func iptablesCommentAcceptsServicePortNames() {
        #expect(IPTablesGrammar.isCommentText("kube-system/kube-dns:dns-tcp"))
    }

    @Test func iptablesPortRangeStopsAt65535() {
        #expect(IPTablesGrammar.isPortRange(8080, 65535))
        #expect(!IPTablesGrammar.isPortRange(8080, 65536))
        #expect(!IPTablesGrammar.isPortRange(9000, 8080))
        #expect(!IPTablesGrammar.isPort(0))
    }

    @Test func ipsetEntryRefusesBlanksAndNewlines() {
        #expect(IPSetGrammar.isEntry("10.96.0.10,tcp:53,10.244.1.0/24"))
        #expect(!IPSetGrammar.isEntry("10.96.0.10 -exist\nflush"))
        #expect(!IPSetGrammar.isEntry(""))
        #expect(IPSetGrammar.isSetName("KUBE-CLUSTER-IP"))
        #expect(!IPSetGrammar.isSetName(String(repeating: "K", count: 32)))
    }

    @Test(arguments: HostileValueTests.hostileNames.filter { !$0.contains("\u{0}") })
    func shellQuotingKeepsTheValueData(_ text: String) throws {
        guard RealTool.require(RealTool.available("bash"), "bash") else { return }
        let script = "printf '%s' " + ShellGrammar.quoted(text)
        let result = DataplaneHost.run(["bash", "-c", script])
        #expect(result.succeeded)
        #expect(result.output == text)
    }

    @Test func shellCommentRefusesNewline() {
        #expect(!ShellGrammar.isCommentText("node\ntouch /tmp/x"))
        #expect(ShellGrammar.isCommentText("node-1"))
    }

    @Test(arguments: HostileValueTests.hostileNames + [".", "..", "a/b", "-rf", ""])
    func pathComponentRefusesHostileNames(_ name: String) {
        #expect(!PathGrammar.isComponent(name))
    }

    @Test func pathComponentAcceptsNodeNames() {
        #expect(PathGrammar.isComponent("ip-10-0-0-1.ec2.internal"))
    }

    @Test func textLineGrammarFindsTheFirstControlByte() {
        #expect(TextLineGrammar.firstForbiddenByte(in: Array("a\tb\nc".utf8)) == nil)
        #expect(TextLineGrammar.firstForbiddenByte(in: Array("ab\rc".utf8)) == 2)
        #expect(TextLineGrammar.firstForbiddenByte(in: [0x61, 0x1B]) == 1)
        #expect(TextLineGrammar.firstForbiddenByte(in: [0x61, 0xFF]) != nil)
    }

    @Test func outputCheckRefusesAFileWithAnEscapeByte() {
        let checked = OutputFileCheck.admit([
            OutputFile(path: "nodes/node-1/iptables.rules", text: "ok\n"),
            OutputFile(path: "nodes/node-1/ipvs-setup.sh", text: "echo \u{1B}[2J\n"),
            OutputFile(path: "nodes/bad\nname/x.rules", text: "ok\n"),
        ])
        #expect(checked.files.map(\.path) == ["nodes/node-1/iptables.rules"])
        #expect(checked.diagnostics.count == 2)
    }
}
