// `--json` output the way nix-instantiate streams it: values written in
// order (set keys by name, `__toString` and `outPath` sets as strings),
// forced as they are reached with `--strict`, and without `--strict` the
// first unevaluated part is an error ("cannot convert a thunk to JSON", or
// "a function application" for one a builtin made).
// On an error the text written so far is kept, as Nix leaves it on stdout.
// Scalars and keys are formatted by `JSONWriter` (Output/JSON.swift), into
// one byte buffer.

import NixSyntax

struct StreamingJSON {
    enum Frame {
        case list([Value], next: Int, pos: Span)
        case attrs([Attr], next: Int)

        var isList: Bool {
            if case .list = self { return true }
            return false
        }
    }

    let ev: Evaluator
    let strict: Bool
    var bytes: [UInt8] = []
    /// The text written so far.
    var out: String { String(decoding: bytes, as: UTF8.self) }

    init(ev: Evaluator, strict: Bool) {
        self.ev = ev
        self.strict = strict
    }

    /// Writes `root`; on failure `out` holds what was written before it, with
    /// every open list and set closed (Nix's writer closes them as it unwinds).
    mutating func write(_ root: Value) throws {
        var stack: [Frame] = []
        do {
            try writeAll(root, &stack)
        } catch {
            for frame in stack.reversed() {
                bytes.append(UInt8(ascii: frame.isList ? "]" : "}"))
            }
            throw error
        }
    }

    private mutating func writeAll(_ root: Value, _ stack: inout [Frame]) throws {
        try open(root, pos: .none, &stack)
        while let top = stack.popLast() {
            switch top {
            case .list(let items, let next, let pos):
                if next == items.count { bytes.append(UInt8(ascii: "]")); continue }
                if next > 0 { bytes.append(UInt8(ascii: ",")) }
                stack.append(.list(items, next: next + 1, pos: pos))
                try open(items[next], pos: pos, &stack)
            case .attrs(let attrs, let next):
                if next == attrs.count { bytes.append(UInt8(ascii: "}")); continue }
                if next > 0 { bytes.append(UInt8(ascii: ",")) }
                stack.append(.attrs(attrs, next: next + 1))
                JSONWriter.appendQuoted(ev.symbols.nameString(attrs[next].name), to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try open(attrs[next].value, pos: attrs[next].span, &stack)
            }
        }
    }

    private func cannotConvert(_ what: String, at pos: Span, errorAt: Span) -> EvalError {
        var e = EvalError("cannot convert \(what) to JSON", at: errorAt)
        // Nix's frame, where it has a place to show.
        if !pos.isNone { e.trace.append(TraceFrame("message for the trace", at: pos)) }
        return e
    }

    private mutating func open(_ value: Value, pos: Span, _ stack: inout [Frame]) throws {
        var v = value
        if case .thunk(let t) = value {
            if strict {
                v = try ev.force(value, at: pos)
            } else if let evaluated = t.evaluatedValue {
                v = evaluated
            } else {
                throw cannotConvert(t.isApplication ? "a function application" : "a thunk", at: pos, errorAt: pos)
            }
        }
        switch v {
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            stack.append(.list(items.elements, next: 0, pos: pos))
        case .attrs(let attrs):
            if let f = attrs[ev.sToString] {
                let s = try ev.coerceToString(try ev.call(try ev.force(f, at: pos), v, at: pos), at: pos, coerceMore: false, copyToStore: false)
                JSONWriter.appendQuoted(s, to: &bytes)
            } else if let o = attrs.attr(ev.sOutPath) {
                try open(o.value, pos: o.span, &stack)
            } else {
                bytes.append(UInt8(ascii: "{"))
                stack.append(.attrs(attrs.sortedByName(ev.symbols), next: 0))
            }
        case .lambda(let c):
            throw cannotConvert("a function", at: pos, errorAt: c.span)
        case .primop, .primopApp:
            throw cannotConvert(v.typeDescription, at: pos, errorAt: pos)
        default:
            if !JSONWriter.appendPlainScalar(v, to: &bytes) {
                bytes.append(contentsOf: try ev.jsonString(v, at: pos, copyToStore: true).bytes)
            }
        }
    }
}
