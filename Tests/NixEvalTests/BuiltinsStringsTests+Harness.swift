// Test harness for the string-family builtins: calls a builtin's body with
// hand-built values and renders results the way `nix-instantiate --eval
// --strict` prints them, so expectations can be literals copied from Nix.
// It renders only what these tests produce (no floats beyond plain ones, no functions).

import NixSyntax
@testable import NixEval
#if canImport(Glibc)
import Glibc
#endif

enum StringBuiltinsHarness {
    /// Made afresh for each call: NixEval counts references without atomics,
    /// so builtins (and what their closures capture) must not be shared by
    /// tests running on other threads.
    static var all: [String: PrimOp] {
        var d: [String: PrimOp] = [:]
        for op in Builtins.strings + Builtins.regex + Builtins.versions + Builtins.hashing
            + Builtins.json + Builtins.xml + Builtins.toml {
            d[op.name] = op
        }
        return d
    }

    struct NoSuchBuiltin: Error { let name: String }

    static func call(_ name: String, _ args: Value..., in ev: Evaluator = Evaluator()) throws -> Value {
        guard let op = all[name] else { throw NoSuchBuiltin(name: name) }
        return try op.body(ev, args.span, .none)
    }

    /// The printed result, or "error: <message>" for an evaluation error.
    static func eval(_ name: String, _ args: Value..., in ev: Evaluator = Evaluator()) -> String {
        guard let op = all[name] else { return "no builtin \(name)" }
        do {
            return show(try op.body(ev, args.span, .none), ev)
        } catch let e as EvalError {
            return "error: " + e.message
        } catch {
            return "unexpected: \(error)"
        }
    }

    /// Runs `body` on a thread with a 1 GiB stack, as `Instantiate.run` runs
    /// evaluations: releasing a value nested 100,000 deep recurses in Swift's
    /// own deinitialisers, which the test runner's threads are too small for.
    static func onLargeStack(_ body: @escaping () -> Void) {
        final class Box { let body: () -> Void; init(_ b: @escaping () -> Void) { body = b } }
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        pthread_attr_setstacksize(&attr, 1 << 30)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&thread, &attr, { raw in
            guard let raw else { return nil }
            let b = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
            b.body()
            return nil
        }, box)
        pthread_attr_destroy(&attr)
        if rc == 0 { pthread_join(thread, nil) } else { Unmanaged<Box>.fromOpaque(box).release() }
    }

    static func strings(_ items: [String]) -> Value { .list(items.map { .string($0) }) }

    static func show(_ v: Value, _ ev: Evaluator) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return formatFloatG(d)
        case .string(let s): return quote(s.string)
        case .path(let p): return p.string
        case .list(let l): return l.isEmpty ? "[ ]" : "[ " + l.map { show($0, ev) }.joined(separator: " ") + " ]"
        case .attrs(let a):
            if a.isEmpty { return "{ }" }
            return "{ " + a.sortedByName(ev.symbols).map { key(ev.symbols.name($0.name)) + " = " + show($0.value, ev) + "; " }.joined() + "}"
        case .thunk(let t):
            if case .evaluated(let x) = t.state { return show(x, ev) }
            return "<thunk>"
        default: return "<lambda>"
        }
    }

    /// An attribute name as Nix prints it: bare when it is an identifier.
    static func key(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "_") || first.isASCIILetter else { return quote(name) }
        for b in bytes where !(b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "_") || b == UInt8(ascii: "'") || b == UInt8(ascii: "-")) {
            return quote(name)
        }
        return name
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
