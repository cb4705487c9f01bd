// The whole pipeline (parse, compile, evaluate, print, render errors) through
// `Instantiate.run`, against outputs recorded from nix-instantiate 2.8: every
// construct of the language, its errors (message, position, source excerpt),
// laziness and printing. The tables live in EvalInstantiateCases+*.swift.

import Testing
import NixEval

struct EvalCase: Sendable, CustomTestStringConvertible {
    let expr: String
    let strict: Bool
    let stdout: String
    let stderr: String
    let exit: Int32
    init(_ expr: String, strict: Bool, stdout: String, stderr: String, exit: Int32) {
        self.expr = expr
        self.strict = strict
        self.stdout = stdout
        self.stderr = stderr
        self.exit = exit
    }
    var testDescription: String { expr.count > 60 ? String(expr.prefix(57)) + "..." : expr }
}

enum EvalInstantiateCases {}

/// Runs `-E expr` the way `roost eval` does, from /tmp, with an empty search path.
func instantiate(_ expr: String, strict: Bool = true, json: Bool = false, attrPaths: [String] = [],
                 arguments: [(name: String, value: EvalRequest.Argument)] = [],
                 configure: (inout EvalOptions) -> Void = { _ in }) -> EvalResult {
    var r = EvalRequest(source: .expression(expr, baseDirectory: "/tmp"))
    r.strict = strict
    r.json = json
    r.attrPaths = attrPaths
    r.arguments = arguments
    r.options.storeDir = "/nix/store"
    configure(&r.options)
    return Instantiate.run(r)
}

@Suite struct EvalInstantiateTests {
    @Test("language constructs evaluate and print exactly as nix-instantiate does", arguments: EvalInstantiateCases.core)
    func core(_ c: EvalCase) {
        let r = instantiate(c.expr, strict: c.strict)
        #expect(r.stdout == c.stdout)
        #expect(r.stderr == c.stderr)
        #expect(r.exitCode == c.exit)
    }
}
