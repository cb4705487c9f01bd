// Nesting beyond `Parser.maxDepth` ends the parse with one diagnostic instead
// of overflowing the stack; long chains of operators, applications and
// selections are built without recursion and accepted at any length.

import Testing
import NixSyntax

@Suite struct DepthTests {
    static let n = 100_000

    /// Parses `source`, returns its diagnostics, and frees the tree without recursion.
    func diagnostics(of source: String) -> [String] {
        let map = SourceMap()
        let id = map.add(name: "deep.nix", text: source, isFile: true)
        var result = Parser.parse(map, file: id)
        Expr.dismantle(&result.expr)
        return result.diagnostics.map(\.message)
    }

    static let tooDeep = "expression nested too deeply (more than \(Parser.maxDepth) levels)"

    @Test("100000 nested brackets, sets, operators, lambdas and lets give one diagnostic",
          arguments: [
            String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "[", count: n),
            String(repeating: "{ a = ", count: n),
            String(repeating: "-", count: n) + "1",
            String(repeating: "!", count: n) + "1",
            String(repeating: "x: ", count: n) + "1",
            String(repeating: "let in ", count: n) + "1",
            String(repeating: "with a; ", count: n) + "1",
            String(repeating: "if a then b else ", count: n) + "1",
            String(repeating: "\"${ ", count: n),
            String(repeating: "''${ ", count: n),
            String(repeating: "./a/${ ", count: n),
            String(repeating: "{ a ? ", count: n),
          ])
    func tooDeep(source: String) {
        #expect(diagnostics(of: source) == [Self.tooDeep])
    }

    @Test("nesting up to the limit is accepted")
    func atTheLimit() {
        let depth = Parser.maxDepth - 1
        let source = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(diagnostics(of: source).isEmpty)
    }

    @Test("100000-long chains of operators, applications and selections parse",
          arguments: [
            "a" + String(repeating: " + a", count: n),
            "a" + String(repeating: " ++ a", count: n),
            "a" + String(repeating: " // a", count: n),
            "a" + String(repeating: " -> a", count: n),
            "a" + String(repeating: " ? a", count: n),
            "f" + String(repeating: " a", count: n),
            "a" + String(repeating: ".b", count: n),
            String(repeating: "a.b or ", count: n) + "1",
            "[" + String(repeating: " a", count: n) + " ]",
            "{" + String(repeating: " a.b = 1;", count: 1) + (0..<n).map { " a\($0) = 1;" }.joined() + " }",
          ])
    func longChains(source: String) {
        #expect(diagnostics(of: source).isEmpty)
    }

    @Test("long runs of path and URI characters lex in linear time without failing")
    func longRuns() {
        #expect(diagnostics(of: String(repeating: "/* ", count: Self.n)) == ["syntax error, unexpected '/'"])
        #expect(diagnostics(of: String(repeating: "a:a", count: Self.n)).isEmpty)
        #expect(diagnostics(of: "a" + String(repeating: ".b", count: Self.n) + "/c").isEmpty)
    }
}
