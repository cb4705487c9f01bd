// The evaluator's compiled form of an expression: a tree of `Code` nodes,
// each a small final class with an `eval` method (one virtual call per node,
// no protocol existentials). Variables are already resolved to (depth, slot),
// names are interned symbols, attribute-set literals are pre-sorted.
// This file holds the base class and the simplest nodes; attribute sets,
// functions and operators live in `Code+Concern.swift` files.
// Nothing here parses or knows about files: the `Compiler` builds these.

import NixSyntax

public class Code {
    /// Where errors raised by this node point (nix's `pos` of the expression).
    let span: Span

    init(span: Span) { self.span = span }

    /// Evaluates to weak head normal form (never returns `.thunk`).
    func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        throw EvalError("internal error: node cannot be evaluated", at: span)
    }

    /// The value of this node in a lazy position (a list element, an
    /// attribute, an argument): a thunk, except where no work is needed.
    func lazy(_ env: Env, _ ev: Evaluator) -> Value {
        .thunk(Thunk(code: self, env: env))
    }

    /// The value, if it can be had without any possible effect (see Code+Eager.swift).
    func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? { nil }

    /// `lazy` while an environment is still being filled (a `let`, `rec`, or
    /// formals): a variable may name a slot not yet set, and then needs a thunk.
    func lazyWhileFilling(_ env: Env, _ ev: Evaluator) -> Value {
        lazy(env, ev)
    }
}

/// A literal: int, float, string without interpolation, path, URI.
final class ConstCode: Code {
    let value: Value
    init(_ value: Value, span: Span) {
        self.value = value
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value { value }
    override func lazy(_ env: Env, _ ev: Evaluator) -> Value { value }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? { ev.knownScalar(value) }
}

/// A variable bound lexically in the current environment.
final class LocalVarCode: Code {
    let slot: Int
    init(slot: Int, span: Span) {
        self.slot = slot
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        if let t = env.thunkRef(depth: 0, slot: slot) {
            return try ev.forceThunk(t, at: span)
        }
        return env[slot]
    }
    override func lazy(_ env: Env, _ ev: Evaluator) -> Value { env[slot] }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? { ev.knownScalar(env[slot]) }
    override func lazyWhileFilling(_ env: Env, _ ev: Evaluator) -> Value {
        let v = env[slot]
        return Env.isUnfilled(v) ? .thunk(Thunk(code: self, env: env)) : v
    }
}

/// A variable bound lexically `depth` environments up.
final class VarCode: Code {
    let depth: Int
    let slot: Int
    init(depth: Int, slot: Int, span: Span) {
        self.depth = depth
        self.slot = slot
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        if let t = env.thunkRef(depth: depth, slot: slot) {
            return try ev.forceThunk(t, at: span)
        }
        return env.value(depth: depth, slot: slot)
    }
    override func lazy(_ env: Env, _ ev: Evaluator) -> Value { env.value(depth: depth, slot: slot) }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? { ev.knownScalar(env.value(depth: depth, slot: slot)) }
    override func lazyWhileFilling(_ env: Env, _ ev: Evaluator) -> Value {
        let v = env.value(depth: depth, slot: slot)
        return Env.isUnfilled(v) ? .thunk(Thunk(code: self, env: env)) : v
    }
}

/// A variable with no lexical binding, looked up in the enclosing `with`
/// scopes, innermost first, when evaluated.
final class WithVarCode: Code {
    let name: Symbol
    /// Depths of the enclosing `with` environments, innermost first.
    let withDepths: [Int]
    init(name: Symbol, withDepths: [Int], span: Span) {
        self.name = name
        self.withDepths = withDepths
        super.init(span: span)
    }

    func lookup(_ env: Env, _ ev: Evaluator) throws -> Value {
        for d in withDepths {
            let scope = env.up(d)
            let attrs = try ev.withAttrs(scope, at: span)
            if let v = attrs[name] { return v }
        }
        throw EvalError("undefined variable '\(ev.symbols.name(name))'", at: span)
    }

    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        try ev.force(try lookup(env, ev), at: span)
    }
}

/// A compiled child held without reference counting, for nodes that run
/// their children in a loop: calling a method on an element read out of a
/// `[Code]` counts a reference to it around the call. The compiled tree
/// keeps every node alive for the evaluator's lifetime.
extension Unmanaged where Instance == Code {
    @inline(__always)
    func lazy(_ env: Env, _ ev: Evaluator) -> Value { _withUnsafeGuaranteedRef { $0.lazy(env, ev) } }

    @inline(__always)
    func eval(_ env: Env, _ ev: Evaluator) throws -> Value { try _withUnsafeGuaranteedRef { try $0.eval(env, ev) } }

    @inline(__always)
    func lazyWhileFilling(_ env: Env, _ ev: Evaluator) -> Value { _withUnsafeGuaranteedRef { $0.lazyWhileFilling(env, ev) } }
}

extension Array where Element == Code {
    /// The elements unretained (see `Unmanaged<Code>.lazy`).
    var unretained: [Unmanaged<Code>] { map { Unmanaged.passUnretained($0) } }
}

final class ListCode: Code {
    let items: [Code]
    private let itemRefs: [Unmanaged<Code>]
    init(_ items: [Code], span: Span) {
        self.items = items
        self.itemRefs = items.unretained
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        if itemRefs.isEmpty { return .list([]) }
        var out: [Value] = []
        out.reserveCapacity(itemRefs.count)
        for item in itemRefs { out.append(item.lazy(env, ev)) }
        return .list(out)
    }
}

final class IfCode: Code {
    let cond: Code, then: Code, otherwise: Code
    init(_ cond: Code, _ then: Code, _ otherwise: Code, span: Span) {
        self.cond = cond
        self.then = then
        self.otherwise = otherwise
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let c = try cond.eval(env, ev)
        guard case .bool(let b) = c else { throw ev.typeError(c, expected: "a Boolean", at: span) }
        return b ? try then.eval(env, ev) : try otherwise.eval(env, ev)
    }
}

final class AssertCode: Code {
    let cond: Code, body: Code
    /// The condition as written, rendered in Nix's expression syntax only when the assertion fails.
    let source: Expr
    let baseDirectory: String
    init(_ cond: Code, _ body: Code, source: Expr, baseDirectory: String, span: Span) {
        self.cond = cond
        self.body = body
        self.source = source
        self.baseDirectory = baseDirectory
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let c = try cond.eval(env, ev)
        guard case .bool(let b) = c else { throw ev.typeError(c, expected: "a Boolean", at: span) }
        if !b {
            throw CatchableError("assertion '\(ExprShow.show(source, ev, baseDirectory: baseDirectory))' failed", at: span)
        }
        return try body.eval(env, ev)
    }
}

/// `!e`.
final class NotCode: Code {
    let operand: Code
    init(_ operand: Code, span: Span) {
        self.operand = operand
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let v = try operand.eval(env, ev)
        guard case .bool(let b) = v else { throw ev.typeError(v, expected: "a Boolean", at: span) }
        return .bool(!b)
    }
}

/// `&&`, `||` and `->`, short-circuiting.
final class LogicCode: Code {
    enum Kind { case and, or, implication }
    let kind: Kind
    let lhs: Code, rhs: Code
    init(_ kind: Kind, _ lhs: Code, _ rhs: Code, span: Span) {
        self.kind = kind
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    @inline(__always)
    private func bool(_ c: Code, _ env: Env, _ ev: Evaluator) throws -> Bool {
        let v = try c.eval(env, ev)
        guard case .bool(let b) = v else { throw ev.typeError(v, expected: "a Boolean", at: span) }
        return b
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let l = try bool(lhs, env, ev)
        switch kind {
        case .and: return .bool(l ? try bool(rhs, env, ev) : false)
        case .or: return .bool(l ? true : try bool(rhs, env, ev))
        case .implication: return .bool(l ? try bool(rhs, env, ev) : true)
        }
    }
}

/// `__curPos`: `{ file, line, column }` of where it is written.
final class CurPosCode: Code {
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        ev.positionValue(span)
    }
}

/// A node that always fails with a fixed error (used where the source itself is broken).
final class ErrorCode: Code {
    let message: String
    init(_ message: String, span: Span) {
        self.message = message
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        throw EvalError(message, at: span)
    }
}
