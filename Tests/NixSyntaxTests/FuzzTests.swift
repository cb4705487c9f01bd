// Thousands of mutated and truncated inputs (deterministic seed): the parser
// never crashes, always terminates, and its answer is consistent: a tree with
// an error node always comes with a diagnostic, and every span stays in the text.

import Testing
import NixSyntax

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}

@Suite struct FuzzTests {
    static let seeds = [
        "{ a = 1; b.c = [ 1 2 ]; inherit x; inherit (y) z; \"q\" = 3; ${w} = 4; }",
        "let a = 1; in a + b * c - -d / e",
        "x: y: x ++ y // { }",
        "{ a, b ? 1, ... }@args: a // b",
        "if a then b else c",
        "with a; assert b; c",
        "a.b.c or d.e or f",
        "f x.a or 1",
        "\"a${b}c\\n$${d}\"",
        "''\n  a\n   ${b}''$ ''' ''\\n\n''",
        "./a/${b}/c ~/x /abs a/b",
        "<nixpkgs/lib> https://x.org/a?b=c",
        "rec { a = 1; } // let { body = 1; }",
        "!a ? b -> c || d && e == f",
        "a < b <= c > d >= e != f",
        "[ f x (g y) 1.5e-3 .5 1. ]",
        "/* c */ # d\n __curPos",
    ]
    static let fragments = [
        "{", "}", "[", "]", "(", ")", ";", ":", ",", ".", "...", "@", "?", "=", "==", "//", "++", "->",
        "!", "-", "a", "or", "if", "then", "else", "let", "in", "rec", "inherit", "with", "assert",
        "1", "2.5", "\"", "''", "${", "$", "'", "./p", "/", "~/", "<", ">", "#", "/*", "*/", "\n", " ", "\\", "\u{e9}", "\0",
    ]

    func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        let edits = Int.random(in: 1...4, using: &rng)
        for _ in 0..<edits {
            let at = Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                bytes.insert(contentsOf: Array((Self.fragments.randomElement(using: &rng) ?? "a").utf8), at: at)
            case 1:
                if at < bytes.count { bytes.remove(at: at) }
            case 2:
                bytes = Array(bytes[0..<at])
            default:
                if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func containsError(_ e: Expr) -> Bool {
        if case .error = e { return true }
        var found = false
        visitChildren(e) { if containsError($0) { found = true } }
        return found
    }

    func spansInside(_ e: Expr, _ length: Int32) -> Bool {
        let s = e.span
        guard s.start >= 0 && s.start <= s.end && s.end <= length else { return false }
        var ok = true
        visitChildren(e) { if !spansInside($0, length) { ok = false } }
        return ok
    }

    @Test("4000 mutated inputs parse without crashing and with consistent results")
    func mutatedInputs() {
        var rng = SeededGenerator(state: 0x5eed_2024)
        for round in 0..<4000 {
            let seed = Self.seeds[round % Self.seeds.count]
            let source = mutate(seed, &rng)
            let (result, _) = Parser.parse(source)
            let length = Int32(source.utf8.count)
            if containsError(result.expr) {
                #expect(!result.diagnostics.isEmpty, "error node without a diagnostic: \(source.debugDescription)")
            }
            #expect(spansInside(result.expr, length), "span outside the text: \(source.debugDescription)")
            for d in result.diagnostics {
                #expect(d.span.start >= 0 && d.span.end <= length && d.span.start <= d.span.end)
            }
        }
    }

    @Test("every prefix of every seed parses without crashing")
    func truncatedInputs() {
        for seed in Self.seeds {
            let bytes = Array(seed.utf8)
            for end in 0...bytes.count {
                let source = String(decoding: bytes[0..<end], as: UTF8.self)
                let (result, _) = Parser.parse(source)
                if containsError(result.expr) { #expect(!result.diagnostics.isEmpty) }
            }
        }
    }
}

/// Calls `body` on each direct child expression of `e`.
func visitChildren(_ e: Expr, _ body: (Expr) -> Void) {
    func parts(_ ps: [StringPart]) { for case .interpolation(let x) in ps { body(x) } }
    func names(_ ns: [AttrName]) { for case .dynamic(let x, _) in ns { body(x) } }
    func bindings(_ bs: [Binding]) {
        for b in bs {
            switch b {
            case .attribute(let path, let value, _): names(path); body(value)
            case .inherit(let from, let ns, _): if let from { body(from) }; names(ns)
            }
        }
    }
    switch e {
    case .int, .float, .searchPath, .uri, .identifier, .currentPosition, .error: break
    case .string(let ps, _), .path(_, let ps, _): parts(ps)
    case .list(let xs, _): xs.forEach(body)
    case .attrs(_, let bs, _), .legacyLet(let bs, _): bindings(bs)
    case .select(let s, let p, let d, _): body(s); names(p); if let d { body(d) }
    case .hasAttr(let s, let p, _): body(s); names(p)
    case .apply(let a, let b, _), .with(let a, let b, _), .assert(let a, let b, _), .binary(_, let a, let b, _):
        body(a); body(b)
    case .lambda(let l, _):
        if case .formals(let f) = l.parameter { for x in f.formals { if let d = x.defaultValue { body(d) } } }
        body(l.body)
    case .letIn(let bs, let b, _): bindings(bs); body(b)
    case .ifThenElse(let c, let t, let f, _): body(c); body(t); body(f)
    case .unary(_, let x, _): body(x)
    }
}
