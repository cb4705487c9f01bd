// The evaluator: owns the symbol table, the source map, the global scope and
// the caches of one evaluation, and offers builtins the operations they need
// (forcing, typed forcing, application, coercion, comparison).
// Coercion and comparison live in Evaluator+Values.swift, files and imports
// in Evaluator+Files.swift, recursion limits in Evaluator+Depth.swift.
// An Evaluator is single-threaded; run it on a big stack (EvalThread).

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
    /// Deepest nesting of calls and forcings before "stack overflow" is reported.
    public var maxCallDepth: Int = 100_000
    /// Free the evaluation's memory when it ends: its arena (every value and
    /// environment, Arena.swift), compiled code and caches. A process that
    /// exits right after evaluating (`roost eval`) turns this off and skips
    /// the work.
    public var releaseMemoryAtEnd = true
    /// Bytes of values an evaluation may make before it stops with an
    /// error; nil for half of the machine's memory (Arena.swift). Applies
    /// when `releaseMemoryAtEnd` gives the evaluation an arena of its own.
    public var memoryLimit: Int? = nil
    public init() {}
}

public final class Evaluator {
    public let symbols = SymbolTable()
    public let sources = SourceMap()
    public var options: EvalOptions {
        didSet {
            stepLimit = options.stepLimit ?? Int.max
            maxDepth = options.maxCallDepth
        }
    }

    /// Where `builtins.trace` and warnings go (Instantiate collects it as stderr).
    public var traceOutput: ([UInt8]) -> Void = { _ in }

    // Global scope: the compile-time names and the runtime environment behind them.
    let globalScope: Scope
    var baseEnv: Env
    /// The `builtins` set.
    public internal(set) var builtinsAttrs: Attrs = .empty

    // Recursion and work limits. The hot counters and the pool are touched on
    // every call; an Evaluator is single-threaded and never hands out inout
    // references to them, so they skip Swift's dynamic exclusivity checks.
    @exclusivity(unchecked) var depth = 0
    /// Nesting of the compiler's walk over a syntax tree (limited by the stack only).
    var syntaxDepth = 0
    @exclusivity(unchecked) var steps = 0
    var stepLimit = Int.max
    var maxDepth = 100_000
    var stackGuard = StackGuard()

    // Caches.
    var importCache: [ExactString: Value] = [:]
    var parseCache: [ExactString: (Expr, FileID)] = [:]
    /// Every compiled tree: thunks refer to code unretained, so it must live as long as the evaluator.
    var compiledRoots: [Code] = []
    /// Compiled regular expressions (match, split).
    let regexCache = RegexCache()
    /// Paths already copied to the store: source path -> store path.
    var storeCopies: [ExactString: String] = [:]

    // Symbols used by the core.
    let sFunctor: Symbol
    let sToString: Symbol
    let sOutPath: Symbol
    let sType: Symbol
    let sFile: Symbol
    let sLine: Symbol
    let sColumn: Symbol
    let sName: Symbol
    let sValue: Symbol

    public init(options: EvalOptions = EvalOptions()) {
        self.options = options
        self.stepLimit = options.stepLimit ?? Int.max
        self.maxDepth = options.maxCallDepth
        self.globalScope = Scope(kind: .lexical, parent: nil)
        self.baseEnv = Env.make(parent: nil, count: 0)
        sFunctor = symbols.intern("__functor")
        sToString = symbols.intern("__toString")
        sOutPath = symbols.intern("outPath")
        sType = symbols.intern("type")
        sFile = symbols.intern("file")
        sLine = symbols.intern("line")
        sColumn = symbols.intern("column")
        sName = symbols.intern("name")
        sValue = symbols.intern("value")
        setUpGlobals()
    }

    // MARK: Forcing

    /// Evaluates a value to weak head normal form (never returns `.thunk`).
    @inline(__always)
    public func force(_ value: Value, at span: Span) throws -> Value {
        guard case .thunk(let t) = value else { return value }
        return try forceThunk(t, at: span)
    }

    /// A thunk's value, computed now if it is not yet. The evaluated case,
    /// the most common by far, is inlined into the caller; the rest is a
    /// call, so that the common case does not pay for its frame.
    @inline(__always)
    func forceThunk(_ t: Thunk, at span: Span) throws -> Value {
        if case .evaluated(let v) = t.repr { return v }
        return try forceUnevaluated(t, at: span)
    }

    @inline(never)
    private func forceUnevaluated(_ t: Thunk, at span: Span) throws -> Value {
        switch t.repr {
        case .evaluated(let v): return v
        case .ready(let v):
            t.repr = .evaluated(v)
            return v
        // Checked before touching the thunk: the shared "unfilled slot" marker must never be written.
        case .blackholed: throw EvalError("infinite recursion encountered", at: span)
        default: break
        }
        // Move the state out (no copies of its parts), leaving a blackhole behind.
        var old = Thunk.Repr.blackholed(span)
        swap(&old, &t.repr)
        do {
            try enter(span)
            defer { depth &-= 1 }
            let v: Value
            switch old {
            case .code(let code, let env): v = try code._withUnsafeGuaranteedRef { try $0.eval(env, self) }
            case .call(let code, let env):
                v = try code._withUnsafeGuaranteedRef { try callPrepared(unsafeDowncast($0, to: LambdaCode.self), env, at: .none) }
            case .apply(let app): v = try apply(app.function, app.argument, at: app.span)
            case .attrCall(let calls, let i): v = try calls.call(i, self)
            case .native(let body): v = try force(try body(self), at: span)
            case .evaluated(let value), .ready(let value):
                v = value
            case .blackholed:
                t.repr = old
                throw EvalError("infinite recursion encountered", at: span)
            }
            t.settle(v)
            return v
        } catch {
            if case .blackholed = old {} else { t.repr = old }
            throw Self.placed(error, at: span)
        }
    }

    // MARK: Application

    /// Applies a function value (lambda, builtin, partially applied builtin,
    /// or a set with `__functor`) to one argument.
    public func apply(_ function: Value, _ argument: Value, at span: Span) throws -> Value {
        try call(try force(function, at: span), argument, at: span)
    }

    /// `function a b`: like two `apply`s, but a curried lambda (`x: y: …`) is
    /// entered directly, without building the intermediate function. Builtins
    /// that call a two-argument function per element (folds, sorts) should use it.
    public func apply(_ function: Value, _ a: Value, _ b: Value, at span: Span) throws -> Value {
        let f = try force(function, at: span)
        switch f {
        case .lambda(let c):
            if let inner = c.code.curriedInner { return try callCurried(c.code, parent: c.env, a, inner, b, at: span) }
        case .primop(let op) where op.arity == 2:
            return try callPrimOp2(op, a, b, at: span)
        case .primopApp(let app) where app.args.count + 2 == app.op.arity:
            var args = app.args
            args.reserveCapacity(app.op.arity)
            args.append(a)
            args.append(b)
            return try callPrimOp(app.op, args, at: span)
        default:
            break
        }
        return try call(try call(f, a, at: span), b, at: span)
    }

    /// A thunk that computes `function argument` when forced.
    public func lazyApply(_ function: Value, _ argument: Value, at span: Span) -> Value {
        .thunk(Thunk(.apply(function, argument, span)))
    }

    func callOther(_ f: Value, _ arg: Value, at span: Span) throws -> Value {
        switch f {
        case .primop(let op):
            if op.arity <= 1 { return try callPrimOp1(op, arg, at: span) }
            return .primopApp(PrimOpApp(op: op, args: [arg]))
        case .primopApp(let app):
            var args = app.args
            args.reserveCapacity(app.op.arity)
            args.append(arg)
            if args.count >= app.op.arity { return try callPrimOp(app.op, args, at: span) }
            return .primopApp(PrimOpApp(op: app.op, args: args))
        case .attrs(let attrs):
            if let functor = attrs[sFunctor] {
                let partial = try call(try force(functor, at: span), f, at: span)
                return try call(partial, arg, at: span)
            }
        case .thunk(let t):
            return try call(try forceThunk(t, at: span), arg, at: span)
        default:
            break
        }
        throw EvalError("attempt to call something which is not a function but \(f.typeDescription)", at: span)
    }

    /// A builtin given its one, two or three arguments: they are passed
    /// from the stack, without an array.
    func callPrimOp1(_ op: PrimOp, _ arg: Value, at span: Span) throws -> Value {
        let args: InlineArray<1, Value> = [arg]
        return try callPrimOp(op, args.span, at: span)
    }

    func callPrimOp2(_ op: PrimOp, _ a: Value, _ b: Value, at span: Span) throws -> Value {
        let args: InlineArray<2, Value> = [a, b]
        return try callPrimOp(op, args.span, at: span)
    }

    func callPrimOp3(_ op: PrimOp, _ a: Value, _ b: Value, _ c: Value, at span: Span) throws -> Value {
        let args: InlineArray<3, Value> = [a, b, c]
        return try callPrimOp(op, args.span, at: span)
    }

    func callPrimOp(_ op: PrimOp, _ args: [Value], at span: Span) throws -> Value {
        try callPrimOp(op, args.span, at: span)
    }

    func callPrimOp(_ op: PrimOp, _ args: Swift.Span<Value>, at span: Span) throws -> Value {
        steps &+= 1
        if steps > stepLimit { throw stepLimitError(span) }
        try enter(span)
        defer { depth &-= 1 }
        do {
            let result = try op.body(self, args, span)
            try checkMemory(span)
            return try force(result, at: span)
        } catch {
            throw Self.placed(error, at: span)
        }
    }

    /// `error`, placed at `span` if it names no place yet. An error raised
    /// where no position is known (inside a builtin: `throw`, a missing
    /// file, a comparison of a sort) is reported at the innermost place on
    /// its way out that has one: the builtin's call, the forced variable.
    static func placed(_ error: any Error, at span: Span) -> any Error {
        guard !span.isNone, var e = error as? any PlacedError, e.span.isNone else { return error }
        e.span = span
        return e
    }

    // MARK: Typed forcing

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
        return l.elements
    }

    public func forceAttrs(_ value: Value, at span: Span) throws -> Attrs {
        let v = try force(value, at: span)
        guard case .attrs(let a) = v else { throw typeError(v, expected: "a set", at: span) }
        return a
    }

    /// A function value (lambda, builtin, or set with `__functor`), for builtins that check first.
    public func isFunction(_ value: Value) -> Bool {
        switch value {
        case .lambda, .primop, .primopApp: return true
        default: return false
        }
    }

    /// Builds a set from names and values (interning the names).
    public func makeAttrs(_ pairs: [(String, Value)]) -> Value {
        .attrs(Attrs(unsorted: pairs.map { Attr(name: symbols.intern($0.0), value: $0.1) }))
    }

    // MARK: Positions

    /// "file:line:col" as Nix writes positions inside messages ("(string)" for `-E` text).
    public func positionText(_ span: Span) -> String {
        sources.positionText(span) ?? "undefined position"
    }

    /// `{ file, line, column }` for `__curPos` and `unsafeGetAttrPos` (null without a position).
    public func positionValue(_ span: Span) -> Value {
        guard let f = sources.file(span.file), let loc = sources.location(of: span) else { return .null }
        // Exact bytes: a file name or `-E` text need not be UTF-8.
        let file = f.isFile ? NixString(exactRendering: f.name) : NixString(bytes: f.text)
        return .attrs(Attrs(unsorted: [
            Attr(name: sFile, value: .string(file)),
            Attr(name: sLine, value: .int(loc.line)),
            Attr(name: sColumn, value: .int(loc.column)),
        ]))
    }
}
