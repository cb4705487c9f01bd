// A suspended computation with explicit states, so that a value that depends
// on itself is reported as infinite recursion with the place it was forced,
// instead of hanging or overflowing the stack.
//
// `state` is the public view. Internally a thunk keeps its parts in separate
// fields so that forcing compiled code touches no reference counts: the code
// is held unretained (the evaluator keeps every compiled tree alive for its
// whole lifetime) and the environment is a plain pointer into the arena.
//
// A Thunk is a pointer to its state in the arena (Arena.swift): copies share
// the state, and copying one counts no references.

import NixSyntax

public struct Thunk {
    public enum State {
        case suspended(Suspension)
        /// Being evaluated right now; forcing it again is infinite recursion.
        case blackholed(Span)
        case evaluated(Value)
    }

    /// The thunk's state as stored: like `State`, but compiled code is held
    /// unretained (the evaluator keeps every compiled tree alive).
    /// Every case is at most two words, so a thunk takes 32 bytes of the arena.
    @usableFromInline enum Repr {
        case code(Unmanaged<Code>, Env)
        /// A call of the lambda whose parameter environment is already bound
        /// (`map`/`genList` of a lambda): its body evaluated in `Env`. The
        /// code is always a LambdaCode.
        case call(Unmanaged<Code>, Env)
        /// Any other application, boxed to keep the thunk small.
        case apply(Application)
        /// `f name value` for attribute `Int` of a builtin's result
        /// (mapAttrs, zipAttrsWith): the attributes' thunks share one box.
        case attrCall(AttrCalls, Int)
        case native((Evaluator) throws -> Value)
        case blackholed(Span)
        case evaluated(Value)
        /// Computed ahead of time because that was free and could not fail,
        /// but not yet forced as far as anyone can tell: it prints as
        /// unevaluated, and forcing it only marks it evaluated.
        case ready(Value)
    }

    /// The state, in the arena.
    @usableFromInline let cell: UnsafeMutablePointer<Repr>

    /// The state in place. Only the evaluator's single thread touches it,
    /// through short accesses that never overlap.
    @usableFromInline var repr: Repr {
        @inline(__always) unsafeAddress { UnsafePointer(cell) }
        @inline(__always) nonmutating unsafeMutableAddress { cell }
    }

    @inline(__always)
    init(repr: Repr) {
        cell = Arena.allocate(Repr.self, .thunk)
        cell.initialize(to: repr)
    }

    /// A thunk outside every arena, never freed (Env.unfilled).
    init(permanent repr: Repr) {
        cell = Arena.permanent(Repr.self)
        cell.initialize(to: repr)
    }

    public init(_ suspension: Suspension) {
        switch suspension {
        case .code(let c, let e): self.init(repr: .code(Unmanaged.passUnretained(c), e))
        case .apply(let f, let a, let s): self.init(repr: .apply(Application(f, a, s)))
        case .native(let body): self.init(repr: .native(body))
        }
    }

    /// A thunk of the call for attribute `index` of `calls`.
    init(attrCall calls: AttrCalls, _ index: Int) { self.init(repr: .attrCall(calls, index)) }

    /// A thunk of a call of `code` with its parameter environment `env` bound.
    init(call code: LambdaCode, env: Env) { self.init(repr: .call(Unmanaged.passUnretained(code as Code), env)) }

    public init(value: Value) { self.init(repr: .evaluated(value)) }

    /// A thunk whose value is already known but which looks unevaluated until forced.
    init(ready value: Value) { self.init(repr: .ready(value)) }

    /// A thunk of compiled code (the evaluator's fast path).
    @inline(__always)
    init(code: Code, env: Env) { self.init(repr: .code(Unmanaged.passUnretained(code), env)) }

    /// Whether the two are the same thunk (not merely equal values).
    @inline(__always)
    public func isSame(_ other: Thunk) -> Bool { cell == other.cell }

    /// The thunk's identity, for sets of visited values.
    @inline(__always)
    public var identity: UInt { UInt(bitPattern: cell) }

    /// Stores the value computed while this thunk was blackholed. The
    /// blackhole holds nothing to release, so the value is written over it
    /// without destroying it first (an outlined call on every forcing).
    @inline(__always)
    func settle(_ value: Value) {
        guard case .blackholed = repr else {
            repr = .evaluated(value)
            return
        }
        cell.initialize(to: .evaluated(value))
    }

    /// A thunk that is permanently "being evaluated" (the evaluator's marker for unfilled slots).
    init(blackholed: ()) { self.init(permanent: .blackholed(.none)) }

    public var state: State {
        get {
            switch repr {
            case .code(let c, let e): return .suspended(.code(c.takeUnretainedValue(), e))
            case .call(let c, let e):
                let code = unsafeDowncast(c.takeUnretainedValue(), to: LambdaCode.self)
                return .suspended(.native { ev in try ev.callPrepared(code, e, at: .none) })
            case .apply(let app): return .suspended(.apply(app.function, app.argument, app.span))
            case .attrCall(let calls, let i): return .suspended(.native { ev in try calls.call(i, ev) })
            case .native(let body): return .suspended(.native(body))
            case .blackholed(let s): return .blackholed(s)
            case .evaluated(let v): return .evaluated(v)
            case .ready(let v): return .suspended(.native { _ in v })
            }
        }
        nonmutating set {
            switch newValue {
            case .suspended(.code(let c, let e)): repr = .code(Unmanaged.passUnretained(c), e)
            case .suspended(.apply(let f, let a, let s)): repr = .apply(Application(f, a, s))
            case .suspended(.native(let body)): repr = .native(body)
            case .blackholed(let s): repr = .blackholed(s)
            case .evaluated(let v): repr = .evaluated(v)
            }
        }
    }

    /// True once the value is known (printing shows unevaluated thunks as <CODE>).
    public var isEvaluated: Bool {
        if case .evaluated = repr { return true }
        return false
    }

    /// Whether it is a function application made by a builtin (`map`,
    /// `genList`, `mapAttrs`, `zipAttrsWith`, …) rather than a suspended
    /// expression: Nix names the two differently when it refuses an
    /// unevaluated value ("a function application", "a thunk").
    public var isApplication: Bool {
        switch repr {
        case .call, .apply, .attrCall, .ready: return true
        case .code, .native, .blackholed, .evaluated: return false
        }
    }

    /// The value, if evaluated.
    public var evaluatedValue: Value? {
        if case .evaluated(let v) = repr { return v }
        return nil
    }
}

/// `function argument`, suspended (see `Thunk.Repr.apply`).
@usableFromInline final class Application {
    let function: Value
    let argument: Value
    let span: Span
    init(_ function: Value, _ argument: Value, _ span: Span) {
        self.function = function
        self.argument = argument
        self.span = span
    }
}

/// `function name value` for each attribute of `attrs`, made lazily: one box
/// for a whole `mapAttrs` or `zipAttrsWith` result, which each attribute's
/// thunk refers to by index (`Thunk.Repr.attrCall`), instead of a closure
/// per attribute.
@usableFromInline final class AttrCalls {
    let function: Value
    /// The names, and the second argument of each call (a set's entries, in the arena).
    let attrs: UnsafeBufferPointer<Attr>
    init(function: Value, attrs: UnsafeBufferPointer<Attr>) {
        self.function = function
        self.attrs = attrs
    }

    /// With a copy of `attrs` in the arena.
    convenience init(function: Value, attrs: [Attr]) {
        self.init(function: function, attrs: UnsafeBufferPointer(start: Attrs.arenaCopy(attrs), count: attrs.count))
    }

    /// The result: each attribute's name, its value the thunk of its call.
    /// No positions: Nix's `unsafeGetAttrPos` finds none in these sets.
    func resultSet() -> Attrs {
        Attrs(capacity: attrs.count) { out in
            for i in attrs.indices { (out + i).initialize(to: Attr(name: attrs[i].name, value: .thunk(Thunk(attrCall: self, i)))) }
            return attrs.count
        }
    }

    func call(_ index: Int, _ ev: Evaluator) throws -> Value {
        let a = attrs[index]
        // Nix applies without a position: errors inside show no call site.
        return try ev.apply(function, ev.symbols.nameValue(a.name), a.value, at: .none)
    }
}

/// What a thunk computes when forced.
public enum Suspension {
    /// Compiled code in an environment (the evaluator core's own representation).
    case code(Code, Env)
    /// `f arg`, applied when forced (builtins use it to stay lazy: map, genList, …).
    case apply(Value, Value, Span)
    /// Any other deferred computation.
    case native((Evaluator) throws -> Value)
}
