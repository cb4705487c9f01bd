// `roost eval` arguments that are not UTF-8: Swift repairs them (U+FFFD)
// before the argument parser sees them; the requests must carry the exact
// bytes of the command line instead, as nix-instantiate uses them.

import Testing
import ArgumentParser
import NixEval
@testable import RoostCLI

@Suite struct RawArgumentsTests {
    /// Parses `raw` the way the process would see it (repaired), and builds
    /// the requests with `raw` as the unrepaired command line.
    func requests(_ raw: [[UInt8]]) throws -> [EvalRequest] {
        let repaired = raw.map { String(decoding: $0, as: UTF8.self) }
        let cmd = try Roost.EvalCommand.parse(repaired)
        return cmd.requests(environment: [:], workingDirectory: "/w", rawArguments: [Array("roost".utf8), Array("eval".utf8)] + raw)
    }

    func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("-E with bytes that are not UTF-8 becomes an expression of those bytes")
    func expressionBytes() throws {
        let expr = b("\"caf") + [0xE9] + b("\"")
        let r = try requests([b("-E"), expr])
        guard case .expressionBytes(let bytes, let base)? = r.first?.source else {
            Issue.record("not a byte expression: \(String(describing: r.first?.source))")
            return
        }
        #expect(bytes == expr)
        #expect(base == "/w")
    }

    @Test("--expr=VALUE with such bytes is matched by the part after '='")
    func expressionEqualsForm() throws {
        let expr = b("\"") + [0xE8] + b("\"")
        let r = try requests([b("--expr=") + expr])
        guard case .expressionBytes(let bytes, _)? = r.first?.source else {
            Issue.record("not a byte expression")
            return
        }
        #expect(bytes == expr)
    }

    @Test("--argstr and --arg values that are not UTF-8 keep their bytes; valid ones stay text")
    func argumentBytes() throws {
        let r = try requests([b("--argstr"), b("s"), [0x61, 0xE9], b("--arg"), b("e"), b("\"") + [0xE7] + b("\""),
                              b("--argstr"), b("t"), b("é"), b("-E"), b("x: x")])
        let args = r.first?.arguments ?? []
        #expect(args.map(\.name) == ["e", "s", "t"])
        guard args.count == 3, case .expressionBytes(let e) = args[0].value, case .stringBytes(let s) = args[1].value,
              case .string(let t) = args[2].value else {
            Issue.record("unexpected arguments \(args)")
            return
        }
        #expect(e == b("\"") + [0xE7] + b("\""))
        #expect(s == [0x61, 0xE9])
        #expect(t == "é")
        guard case .expression(let text, _)? = r.first?.source else { Issue.record("not a text expression"); return }
        #expect(text == "x: x")
    }

    @Test("the evaluated bytes are exactly nix-instantiate's output")
    func endToEnd() throws {
        let r = try requests([b("--argstr"), b("s"), [0xE9], b("-E"), b("{ s }: s + \"") + [0xE8] + b("\"")])
        guard let request = r.first else { Issue.record("no request"); return }
        let result = Instantiate.run(request)
        #expect(result.stdoutBytes == b("\"") + [0xE9, 0xE8] + b("\"\n"), "\(result.stderr)")
    }
}
