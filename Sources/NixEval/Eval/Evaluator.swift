// The evaluator: owns the symbol table, the source map and the caches of one
// evaluation, and offers builtins the operations they need (forcing, typed
// forcing, application, coercion, comparison).
//
// SKELETON: the signatures below are the contract builtins are written
// against; the evaluator core fills in the bodies.

import NixSyntax

public struct EvalOptions: Sendable {
    /// `-I` entries and NIX_PATH, in order: `name=path` or a plain directory.
    public var searchPath: [String] = []
    /// Where `builtins.toFile` writes (ROOST_STORE_DIR, default /var/lib/roost/store).
    public var storeDir: String = "/var/lib/roost/store"
    /// Print every frame of an error's trace.
    public var showTrace = false
    /// Stop with an error after this many function applications (fuzzing uses it
    /// to bound work); nil means no limit.
    public var stepLimit: Int? = nil
    public init() {}
}

public final class Evaluator {
    public let symbols = SymbolTable()
    public let sources = SourceMap()
    public var options: EvalOptions

    public init(options: EvalOptions = EvalOptions()) {
        self.options = options
    }

    /// Evaluates a value to weak head normal form (never returns `.thunk`).
    public func force(_ value: Value, at span: Span) throws -> Value {
        guard case .thunk(let t) = value else { return value }
        switch t.state {
        case .evaluated(let v): return v
        case .blackholed: throw EvalError("infinite recursion encountered", at: span)
        case .suspended(let s):
            t.state = .blackholed(span)
            do {
                let v: Value
                switch s {
                case .code: throw EvalError("evaluator core not yet implemented", at: span)
                case .apply(let f, let a, let sp): v = try apply(f, a, at: sp)
                case .native(let body): v = try force(try body(self), at: span)
                }
                t.state = .evaluated(v)
                return v
            } catch {
                t.state = .suspended(s)
                throw error
            }
        }
    }

    /// Applies a function value (lambda, builtin, partially applied builtin,
    /// or a set with `__functor`) to one argument.
    public func apply(_ function: Value, _ argument: Value, at span: Span) throws -> Value {
        let f = try force(function, at: span)
        switch f {
        case .primop(let op):
            if op.arity == 1 { return try op.body(self, [argument], span) }
            return .primopApp(PrimOpApp(op: op, args: [argument]))
        case .primopApp(let app):
            let args = app.args + [argument]
            if args.count == app.op.arity { return try app.op.body(self, args, span) }
            return .primopApp(PrimOpApp(op: app.op, args: args))
        default:
            throw EvalError("attempt to call something which is not a function but \(f.typeDescription)", at: span)
        }
    }

    /// A thunk that computes `function argument` when forced.
    public func lazyApply(_ function: Value, _ argument: Value, at span: Span) -> Value {
        .thunk(Thunk(.apply(function, argument, span)))
    }

    public func typeError(_ value: Value, expected: String, at span: Span) -> EvalError {
        EvalError("value is \(value.typeDescription) while \(expected) was expected", at: span)
    }

    public func forceInt(_ value: Value, at span: Span) throws -> Int {
        let v = try force(value, at: span)
        guard case .int(let i) = v else { throw typeError(v, expected: "an integer", at: span) }
        return i
    }

    public func forceBool(_ value: Value, at span: Span) throws -> Bool {
        let v = try force(value, at: span)
        guard case .bool(let b) = v else { throw typeError(v, expected: "a Boolean", at: span) }
        return b
    }

    /// An int or a float, as a Double.
    public func forceNumber(_ value: Value, at span: Span) throws -> Double {
        let v = try force(value, at: span)
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw typeError(v, expected: "a float", at: span)
        }
    }

    /// A string value (no coercion of paths or sets).
    public func forceString(_ value: Value, at span: Span) throws -> NixString {
        let v = try force(value, at: span)
        guard case .string(let s) = v else { throw typeError(v, expected: "a string", at: span) }
        return s
    }

    public func forceList(_ value: Value, at span: Span) throws -> [Value] {
        let v = try force(value, at: span)
        guard case .list(let l) = v else { throw typeError(v, expected: "a list", at: span) }
        return l
    }

    public func forceAttrs(_ value: Value, at span: Span) throws -> Attrs {
        let v = try force(value, at: span)
        guard case .attrs(let a) = v else { throw typeError(v, expected: "a set", at: span) }
        return a
    }

    /// Forces a value and everything in it (lists, attribute values), as `deepSeq` and `--strict` do.
    public func deepForce(_ value: Value, at span: Span) throws {
        throw EvalError("evaluator core not yet implemented", at: span)
    }

    /// Nix's coerceToString: strings, paths (copied to the store when
    /// `copyToStore`), sets with `__toString` or `outPath`; with `coerceMore`
    /// also null (""), bools ("1"/""), ints, floats and lists (space-separated), as `toString` does.
    public func coerceToString(_ value: Value, at span: Span, coerceMore: Bool, copyToStore: Bool) throws -> NixString {
        throw EvalError("evaluator core not yet implemented", at: span)
    }

    /// `==` of the language (deep, forcing as needed).
    public func equals(_ a: Value, _ b: Value, at span: Span) throws -> Bool {
        throw EvalError("evaluator core not yet implemented", at: span)
    }

    /// `<` of the language (numbers, strings, paths, lists lexicographically); errors on other types.
    public func lessThan(_ a: Value, _ b: Value, at span: Span) throws -> Bool {
        throw EvalError("evaluator core not yet implemented", at: span)
    }

    /// Builds a set from names and values (interning the names).
    public func makeAttrs(_ pairs: [(String, Value)]) -> Value {
        .attrs(Attrs(unsorted: pairs.map { Attr(name: symbols.intern($0.0), value: $0.1) }))
    }
}
