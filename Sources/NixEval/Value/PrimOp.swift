// Builtin functions as values. A builtin is a name, an arity, a one-line doc
// and a body that receives exactly `arity` (unforced) arguments and the span
// of the call site. The arguments are a `Swift.Span` borrowed from the
// caller (on its stack for one to three arguments): no array is made per
// call, and the compiler refuses a body that would keep them beyond the call
// (a lazy result copies the arguments it needs: `let f = args[0]`).

import NixSyntax

public final class PrimOp: @unchecked Sendable {
    public typealias Body = (Evaluator, Swift.Span<Value>, Span) throws -> Value

    public let name: String
    public let arity: Int
    public let doc: String
    public let body: Body

    public init(_ name: String, arity: Int, doc: String, body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.doc = doc
        self.body = body
    }
}

/// A builtin applied to fewer arguments than its arity.
public final class PrimOpApp {
    public let op: PrimOp
    public let args: [Value]
    public init(op: PrimOp, args: [Value]) {
        self.op = op
        self.args = args
    }
}

/// A value of `builtins` that is not a function (`nixVersion`, `currentSystem`, …).
public struct BuiltinConstant: Sendable {
    public let name: String
    public let doc: String
    public let make: @Sendable (Evaluator) -> Value
    public init(_ name: String, doc: String, make: @escaping @Sendable (Evaluator) -> Value) {
        self.name = name
        self.doc = doc
        self.make = make
    }
}
