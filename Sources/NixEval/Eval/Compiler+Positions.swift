// Where the compiler says errors are: Nix's positions, which our syntax tree
// does not always carry directly. A binary operation's own span is only its
// operator, parentheses are not nodes, and Nix points some errors at the
// `${` of an interpolation or just before a parenthesised operand; these
// helpers recover those positions from the spans and the source text.

import NixSyntax

extension Compiler {
    /// The span widened over parentheses that enclose exactly it: Nix's positions of
    /// operands and calls include them (`(f) x` is at the `(`).
    func withParens(_ span: Span) -> Span {
        guard let f = ev.sources.file(span.file) else { return span }
        let t = f.text
        func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }
        var start = Int(span.start), end = Int(span.end)
        while true {
            var i = start - 1
            while i >= 0, i < t.count, space(t[i]) { i -= 1 }
            var j = end
            while j >= 0, j < t.count, space(t[j]) { j += 1 }
            guard i >= 0, i < t.count, j >= 0, j < t.count, t[i] == UInt8(ascii: "("), t[j] == UInt8(ascii: ")") else { break }
            start = i
            end = j + 1
        }
        return Span(file: span.file, start: start, end: end)
    }

    func isBinary(_ e: Expr) -> Bool {
        if case .binary = e { return true }
        return false
    }

    /// The whole text of an expression: a binary node's own span is only its
    /// operator, and constructs ending in one (`x: a + b`) end where it ends.
    /// One walk down each side; `compileBinary` takes the spans of compiled
    /// operands instead, so operator chains are not walked once per node.
    func fullSpan(_ e: Expr) -> Span {
        var left = e
        var descended = false
        while case .binary(_, let l, _, _) = left {
            left = l
            descended = true
        }
        var right = e
        descent: while true {
            switch right {
            case .binary(_, _, let r, _): right = r
            case .lambda(let l, _): right = l.body
            case .letIn(_, let body, _), .with(_, let body, _), .assert(_, let body, _): right = body
            case .ifThenElse(_, _, let otherwise, _): right = otherwise
            case .unary(_, let operand, _): right = operand
            default: break descent
            }
        }
        let start = descended ? withParens(left.span) : e.span
        return start.to(e.span).to(right.span)
    }

    /// The whole text of an expression, widened over enclosing parentheses.
    func outerSpan(_ e: Expr) -> Span { withParens(fullSpan(e)) }

    /// `span`, but starting where `first` starts (parentheses included).
    func startingAt(_ first: Expr, _ span: Span) -> Span {
        let p = outerSpan(first)
        return Span(file: span.file, start: min(p.start, span.start), end: max(span.end, p.end))
    }

    /// Where the `${` of an interpolation starts: Nix points errors of that part there.
    func interpolationStart(_ e: Expr) -> Span {
        let s = e.span
        guard let f = ev.sources.file(s.file) else { return s }
        var i = Int(s.start) - 1
        while i >= 0, i < f.text.count, f.text[i] == 0x20 || f.text[i] == 0x0A || f.text[i] == 0x09 || f.text[i] == 0x0D { i -= 1 }
        if i >= 1, i < f.text.count, f.text[i] == UInt8(ascii: "{"), f.text[i - 1] == UInt8(ascii: "$") {
            return Span(file: s.file, start: i - 1, end: Int(s.end))
        }
        return s
    }

}
