// Tests of the fetcher builtins: Roost evaluates offline, so each one must
// fail with a message that says so and what to do instead.

import Testing
@testable import NixEval

@Suite struct BuiltinsFetchTests {
    @Test("every fetcher fails with roost's offline message and a way out",
          arguments: ["fetchurl", "fetchTarball", "fetchGit", "fetchMercurial", "fetchTree"])
    func unsupported(name: String) throws {
        let ev = Evaluator()
        let message = TB.error { try TB.call(ev, name, .string("https://example.org/x")) } ?? ""
        #expect(message.hasPrefix("builtins.\(name) is not supported by roost: roost evaluates configurations offline; "))
        #expect(message.contains("by path"))
        #expect(try TB.op(name).arity == 1)
    }
}
