// Helpers for the data builtins' tests (lists, attrs, paths, context,
// derivations): calling a builtin by name with hand-built values, builtins
// standing in for functions, and a small printer in nix-instantiate's
// `--eval --strict` format so expected values read like Nix's own output.

import Foundation
import NixSyntax
@testable import NixEval

enum TB {
    static func op(_ name: String) throws -> PrimOp {
        guard let op = Builtins.functions.first(where: { $0.name == name }) else {
            throw EvalError("no builtin \(name)", at: .none)
        }
        return op
    }

    /// Calls builtin `name` with exactly its arity of arguments.
    static func call(_ ev: Evaluator, _ name: String, _ args: Value...) throws -> Value {
        let op = try op(name)
        guard op.arity == args.count else { throw EvalError("\(name) takes \(op.arity) arguments", at: .none) }
        return try op.body(ev, args.span, .none)
    }

    /// A one-argument function value.
    static func fn(_ body: @escaping (Evaluator, Value) throws -> Value) -> Value {
        .primop(PrimOp("test-fn", arity: 1, doc: "test") { ev, args, _ in try body(ev, args[0]) })
    }

    /// A two-argument (curried) function value.
    static func fn2(_ body: @escaping (Evaluator, Value, Value) throws -> Value) -> Value {
        .primop(PrimOp("test-fn2", arity: 2, doc: "test") { ev, args, _ in try body(ev, args[0], args[1]) })
    }

    static func ints(_ xs: [Int]) -> Value { .list(xs.map { .int($0) }) }

    static func thrower(_ message: String) -> Value {
        .thunk(Thunk(.native { _ in throw CatchableError(message, at: .none) }))
    }

    static func attrs(_ ev: Evaluator, _ pairs: [(String, Value)]) -> Value { ev.makeAttrs(pairs) }

    /// The message of the error `body` throws, or nil.
    static func error(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch let e as EvalError { return e.message } catch let e as CatchableError {
            return e.message
        } catch let e as StorePathError { return e.message } catch { return "\(error)" }
    }

    /// Prints a value deeply, as `nix-instantiate --eval --strict` does.
    static func show(_ ev: Evaluator, _ value: Value) throws -> String {
        let v = try ev.force(value, at: .none)
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s): return quote(s.string)
        case .path(let p): return p.string
        case .list(let l):
            if l.isEmpty { return "[ ]" }
            return "[ " + (try l.map { try show(ev, $0) }.joined(separator: " ")) + " ]"
        case .attrs(let a):
            if a.isEmpty { return "{ }" }
            let parts = try a.sortedByName(ev.symbols).map { attr -> String in
                let name = ev.symbols.name(attr.name)
                let key = name.range(of: "^[a-zA-Z_][a-zA-Z0-9_'-]*$", options: .regularExpression) != nil ? name : quote(name)
                return "\(key) = \(try show(ev, attr.value));"
            }
            return "{ " + parts.joined(separator: " ") + " }"
        case .lambda, .primop, .primopApp: return "<LAMBDA>"
        case .thunk: return "<THUNK>"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out.replacingOccurrences(of: "${", with: "\\${") + "\""
    }

    /// Evaluates source text as `nix-instantiate --eval [--strict]` would:
    /// the printed result, or the first line of the error.
    static func eval(_ expr: String, store: String = "/tmp/roost-test-store", strict: Bool = true) -> String {
        var r = EvalRequest(source: .expression(expr, baseDirectory: "/tmp"))
        r.strict = strict
        r.options.storeDir = store
        let res = Instantiate.run(r)
        if res.exitCode == 0 {
            return res.stdout.hasSuffix("\n") ? String(res.stdout.dropLast()) : res.stdout
        }
        return res.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    /// A fresh, empty store directory for one test.
    static func scratchStore() -> String {
        let dir = NSTemporaryDirectory() + "roost-test-store-\(UUID().uuidString.lowercased())"
        return dir
    }

    static func removeStore(_ dir: String) {
        if let e = FileManager.default.enumerator(atPath: dir) {
            while let rel = e.nextObject() as? String {
                var st = stat()
                let p = "\(dir)/\(rel)"
                if lstat(p, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { chmod(p, 0o755) }
            }
        }
        try? FileManager.default.removeItem(atPath: dir)
    }
}
