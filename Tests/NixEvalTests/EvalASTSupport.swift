// Helpers for evaluator tests that build syntax trees by hand (so the core is
// tested independently of the parser): a tiny constructor vocabulary and a
// runner that compiles and evaluates on the big-stack evaluation thread.

import NixSyntax
@testable import NixEval

enum AST {
    static let s = Span.none
    static func int(_ i: Int) -> Expr { .int(i, s) }
    static func float(_ d: Double) -> Expr { .float(d, s) }
    static func str(_ t: String) -> Expr { .string([.literal(t)], s) }
    static func v(_ n: String) -> Expr { .identifier(n, s) }
    static func list(_ items: Expr...) -> Expr { .list(items, s) }
    static func lam(_ p: String, _ body: Expr) -> Expr { .lambda(Lambda(parameter: .identifier(p, s), body: body), s) }
    static func lam(formals: [(String, Expr?)], ellipsis: Bool = false, bind: String? = nil, _ body: Expr) -> Expr {
        let f = Formals(formals: formals.map { Formals.Formal(name: $0.0, defaultValue: $0.1, span: s) },
                        hasEllipsis: ellipsis, bindAs: bind.map { ($0, s) })
        return .lambda(Lambda(parameter: .formals(f), body: body), s)
    }
    static func app(_ f: Expr, _ args: Expr...) -> Expr { args.reduce(f) { .apply($0, $1, s) } }
    static func bin(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Expr { .binary(op, l, r, s) }
    static func iff(_ c: Expr, _ t: Expr, _ e: Expr) -> Expr { .ifThenElse(c, t, e, s) }
    static func bind(_ path: String, _ value: Expr) -> Binding {
        .attribute(path: path.split(separator: ".").map { .name(String($0), s) }, value: value, span: s)
    }
    static func attrs(_ b: Binding..., rec: Bool = false) -> Expr { .attrs(isRecursive: rec, b, s) }
    static func letIn(_ b: [Binding], _ body: Expr) -> Expr { .letIn(b, body, s) }
    static func sel(_ e: Expr, _ path: String, or d: Expr? = nil) -> Expr {
        .select(e, path.split(separator: ".").map { .name(String($0), s) }, orDefault: d, s)
    }
    static func with(_ e: Expr, _ body: Expr) -> Expr { .with(e, body, s) }

    /// Compiles and evaluates `expr`, returning the printed value or the error message.
    static func run(_ expr: Expr, strict: Bool = true, options: EvalOptions = EvalOptions()) -> String {
        EvalThread.run {
            let ev = Evaluator(options: options)
            do {
                let code = try Compiler(ev: ev, file: .none, baseDirectory: "/tmp").compile(expr, ev.globalScope)
                ev.compiledRoots.append(code)
                let v = try code.eval(ev.baseEnv, ev)
                if strict { try ev.deepForce(v, at: .none) }
                return try ev.printValue(v)
            } catch let e as EvalError {
                return "error: " + e.message
            } catch let e as CatchableError {
                return "error: " + e.message
            } catch {
                return "error: \(error)"
            }
        }
    }
}
