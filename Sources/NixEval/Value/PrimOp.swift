// Builtin functions as values. A builtin is a name, an arity, a one-line doc
// and a body that receives exactly `arity` (unforced) arguments and the span
// of the call site. The arguments are a `Swift.Span` borrowed from the
// caller (on its stack for one to three arguments): no array is made per
// call, and the compiler refuses a body that would keep them beyond the call
// (a lazy result copies the arguments it needs: `let f = args[0]`).

import NixSyntax

// Both are pointers to their parts in the arena (Arena.swift), so copying
// one counts no references.

public struct PrimOp: @unchecked Sendable {
    public typealias Body = (Evaluator, Swift.Span<Value>, Span) throws -> Value

    @usableFromInline struct Parts {
        let name: String
        let arity: Int
        let doc: String
        let body: Body
    }
    @usableFromInline let parts: UnsafePointer<Parts>

    public init(_ name: String, arity: Int, doc: String, body: @escaping Body) {
        let cell = Arena.allocate(Parts.self, .primOp)
        cell.initialize(to: Parts(name: name, arity: arity, doc: doc, body: body))
        parts = UnsafePointer(cell)
    }

    public var name: String { unsafeAddress { parts.pointer(to: \.name)! } }
    public var arity: Int { @inline(__always) get { parts.pointee.arity } }
    public var doc: String { unsafeAddress { parts.pointer(to: \.doc)! } }
    public var body: Body { @inline(__always) get { parts.pointee.body } }

    /// Whether the two are the same builtin.
    public func isSame(_ other: PrimOp) -> Bool { parts == other.parts }
}

/// A builtin applied to fewer arguments than its arity.
public struct PrimOpApp {
    @usableFromInline struct Parts {
        let op: PrimOp
        let args: [Value]
    }
    @usableFromInline let parts: UnsafePointer<Parts>

    public init(op: PrimOp, args: [Value]) {
        let cell = Arena.allocate(Parts.self, .primOpApp)
        cell.initialize(to: Parts(op: op, args: args))
        parts = UnsafePointer(cell)
    }

    public var op: PrimOp { @inline(__always) get { parts.pointee.op } }
    public var args: [Value] { @inline(__always) unsafeAddress { parts.pointer(to: \.args)! } }
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
