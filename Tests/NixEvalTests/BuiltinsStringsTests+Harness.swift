// Test harness for the string-family builtins: calls a builtin's body with
// hand-built values and renders results the way `nix-instantiate --eval
// --strict` prints them, so expectations can be literals copied from Nix.
// It renders only what these tests produce (no floats beyond plain ones, no functions).

import NixSyntax
@testable import NixEval

enum StringBuiltinsHarness {
    static let all: [String: PrimOp] = {
        var d: [String: PrimOp] = [:]
        for op in Builtins.strings + Builtins.regex + Builtins.versions + Builtins.hashing
            + Builtins.json + Builtins.xml + Builtins.toml {
            d[op.name] = op
        }
        return d
    }()

    struct NoSuchBuiltin: Error { let name: String }

    static func call(_ name: String, _ args: Value..., in ev: Evaluator = Evaluator()) throws -> Value {
        guard let op = all[name] else { throw NoSuchBuiltin(name: name) }
        return try op.body(ev, args, .none)
    }

    /// The printed result, or "error: <message>" for an evaluation error.
    static func eval(_ name: String, _ args: Value..., in ev: Evaluator = Evaluator()) -> String {
        guard let op = all[name] else { return "no builtin \(name)" }
        do {
            return show(try op.body(ev, args, .none), ev)
        } catch let e as EvalError {
            return "error: " + e.message
        } catch {
            return "unexpected: \(error)"
        }
    }

    static func strings(_ items: [String]) -> Value { .list(items.map { .string($0) }) }

    static func show(_ v: Value, _ ev: Evaluator) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return "\(d)"
        case .string(let s): return quote(s.string)
        case .path(let p): return p
        case .list(let l): return l.isEmpty ? "[ ]" : "[ " + l.map { show($0, ev) }.joined(separator: " ") + " ]"
        case .attrs(let a):
            if a.isEmpty { return "{ }" }
            return "{ " + a.sortedByName(ev.symbols).map { ev.symbols.name($0.name) + " = " + show($0.value, ev) + "; " }.joined() + "}"
        case .thunk(let t):
            if case .evaluated(let x) = t.state { return show(x, ev) }
            return "<thunk>"
        default: return "<lambda>"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        var chars = Array(s.unicodeScalars)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "$" where chars.first == "{": out += "\\$"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
