// Functions: lambda literals, closures, and application. Applying a lambda
// allocates exactly one environment (its parameters) and evaluates the body;
// a plain `x: …` parameter is one slot, formals are one slot each plus the
// `@` name. Builtins and `__functor` sets are applied in Evaluator+Apply.swift.

import NixSyntax

/// A lambda literal; evaluating it captures the current environment.
final class LambdaCode: Code {
    struct Formal {
        let name: Symbol
        /// Evaluated lazily in the function's own environment (so defaults see each other and `@args`).
        let defaultValue: Code?
        let span: Span
        /// `defaultValue` without reference counting, for calls (the formal owns it).
        let defaultRef: Unmanaged<Code>?
        init(name: Symbol, defaultValue: Code?, span: Span) {
            self.name = name
            self.defaultValue = defaultValue
            self.span = span
            self.defaultRef = defaultValue.map { Unmanaged.passUnretained($0) }
        }
    }
    enum Parameter {
        case identifier
        /// Formals occupy slots 0..<formals.count, the `@` name (if any) the next one.
        case formals([Formal], ellipsis: Bool, bindAs: Bool)
    }

    /// The name the lambda is bound to (`f = x: …`), for messages; nil when anonymous.
    private(set) var name: String?
    /// True for `x: …`.
    let isSimple: Bool
    /// The formals, `...` and `@` name of `{ … }: …` (empty and false for
    /// `x: …`). Stored apart, not as an enum payload: a call reads them in
    /// place, where matching an enum would copy the array out (a retain and
    /// a release per call).
    let formalList: [Formal]
    let hasEllipsis: Bool
    let bindsArgument: Bool
    /// The parameter as written, for showing and describing the lambda.
    var parameter: Parameter {
        isSimple ? .identifier : .formals(formalList, ellipsis: hasEllipsis, bindAs: bindsArgument)
    }
    /// True for `x: …` whose body forces `x` before anything else (see Code+Eager.swift).
    private(set) var isStrict = false
    /// True for `x: …` whose body may be computable eagerly (see Code+Eager.swift).
    private(set) var isEagerCandidate = false
    /// The body when it is itself a lambda (`x: y: …`), so two arguments can be bound at once.
    let curriedInner: LambdaCode?
    let envSize: Int
    let body: Code
    /// `body` without reference counting, for calls: the lambda owns its body for good.
    let bodyRef: Unmanaged<Code>

    init(name: String?, parameter: Parameter, envSize: Int, body: Code, span: Span) {
        self.name = name
        switch parameter {
        case .identifier:
            isSimple = true
            formalList = []
            hasEllipsis = false
            bindsArgument = false
        case .formals(let fs, let ellipsis, let bindAs):
            isSimple = false
            formalList = fs
            hasEllipsis = ellipsis
            bindsArgument = bindAs
        }
        self.envSize = envSize
        self.body = body
        self.bodyRef = Unmanaged.passUnretained(body)
        self.curriedInner = body as? LambdaCode
        super.init(span: span)
        isStrict = Strictness.isStrictInParameter(self)
        isEagerCandidate = isSimple && Strictness.mayBeEager(body)
    }

    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        .lambda(Closure(code: self, env: env))
    }

    /// Names this lambda and, like Nix, the lambdas directly in its body (`f = x: y: …` names both).
    func setName(_ newName: String) {
        var c: LambdaCode? = self
        while let l = c {
            l.name = newName
            c = l.body as? LambdaCode
        }
    }
}

/// A lambda together with the environment it was created in.
/// A lambda with the environment it was made in: a pointer to the two in
/// the arena (Arena.swift), so copying it counts no references.
public struct Closure {
    @usableFromInline struct Parts {
        let code: LambdaCode
        let env: Env
    }
    @usableFromInline let parts: UnsafePointer<Parts>

    init(code: LambdaCode, env: Env) {
        let cell = Arena.allocate(Parts.self, .closure)
        cell.initialize(to: Parts(code: code, env: env))
        parts = UnsafePointer(cell)
    }

    var code: LambdaCode { @inline(__always) unsafeAddress { parts.pointer(to: \.code)! } }
    var env: Env { @inline(__always) unsafeAddress { parts.pointer(to: \.env)! } }

    /// Where the lambda is written.
    public var span: Span { code.span }
    /// The name it was bound to, if any.
    public var name: String? { code.name }
    /// True for `{ … }: …` functions.
    public var hasFormals: Bool { !code.isSimple }
}

/// `f a`: the common case, without iterating an argument array.
final class Apply1Code: Code {
    let function: Code
    let argument: Code
    init(_ function: Code, _ argument: Code, span: Span) {
        self.function = function
        self.argument = argument
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let f = try function.eval(env, ev)
        if case .lambda(let c) = f, c.code.isStrict, let v = ev.eagerScalar(argument, env) {
            return try ev.callLambda(c, v, at: span)
        }
        return try ev.call(f, argument.lazy(env, ev), at: span)
    }
}

/// `f a b …`: the function, then each argument in turn (lazily).
final class ApplyCode: Code {
    let function: Code
    let arguments: [Code]
    private let argumentRefs: [Unmanaged<Code>]
    init(_ function: Code, _ arguments: [Code], span: Span) {
        self.function = function
        self.arguments = arguments
        self.argumentRefs = arguments.unretained
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        var f = try function.eval(env, ev)
        var i = 0
        let n = argumentRefs.count
        while i < n {
            if i + 1 < n, case .lambda(let c) = f, let inner = c.code.curriedInner {
                f = try ev.callCurried(c.code, parent: c.env, argumentRefs[i].lazy(env, ev), inner, argumentRefs[i + 1].lazy(env, ev), at: span)
                i += 2
            } else if case .primop(let op) = f, op.arity > 1, op.arity <= n - i {
                // A builtin given all its arguments at once: no partial applications in between.
                switch op.arity {
                case 2:
                    f = try ev.callPrimOp2(op, argumentRefs[i].lazy(env, ev), argumentRefs[i + 1].lazy(env, ev), at: span)
                case 3:
                    f = try ev.callPrimOp3(op, argumentRefs[i].lazy(env, ev), argumentRefs[i + 1].lazy(env, ev),
                                           argumentRefs[i + 2].lazy(env, ev), at: span)
                default:
                    let args = argumentRefs[i..<(i + op.arity)].map { $0.lazy(env, ev) }
                    f = try ev.callPrimOp(op, args, at: span)
                }
                i += op.arity
            } else {
                f = try ev.call(f, argumentRefs[i].lazy(env, ev), at: span)
                i += 1
            }
        }
        return f
    }
}

extension Evaluator {
    /// Applies an evaluated function value to an argument; the result is in WHNF.
    @inline(__always)
    func call(_ f: Value, _ arg: Value, at span: Span) throws -> Value {
        if case .lambda(let c) = f { return try callLambda(c, arg, at: span) }
        return try callOther(f, arg, at: span)
    }

    @inline(__always)
    func callLambda(_ closure: Closure, _ arg: Value, at span: Span) throws -> Value {
        try callLambda(closure.code, parent: closure.env, arg, at: span)
    }

    /// Calls the lambda `code` whose captured environment is `parent`.
    func callLambda(_ code: LambdaCode, parent: Env, _ arg: Value, at span: Span) throws -> Value {
        try countStep(span)
        try enter(span)
        defer { depth &-= 1 }
        let env = code.isSimple ? makeEnv(parent: parent, value: arg) : try bindFormals(code, parent, arg, at: span)
        do {
            return try code.bodyRef._withUnsafeGuaranteedRef { try $0.eval(env, self) }
        } catch var e as EvalError {
            if !e.suppressesTrace { addCallFrames(&e.trace, code, at: span) }
            throw e
        } catch var e as CatchableError {
            addCallFrames(&e.trace, code, at: span)
            throw e
        }
    }

    /// Evaluates the body of `code` in `env`, its parameter environment,
    /// bound beforehand (a `Thunk.Repr.call`); like `callLambda` otherwise.
    /// (`callLambda` repeats these lines instead of calling this: on the
    /// hottest path of the evaluator the extra call cost fib 30 about 10%.)
    func callPrepared(_ code: LambdaCode, _ env: Env, at span: Span) throws -> Value {
        try countStep(span)
        try enter(span)
        defer { depth &-= 1 }
        do {
            return try code.bodyRef._withUnsafeGuaranteedRef { try $0.eval(env, self) }
        } catch var e as EvalError {
            if !e.suppressesTrace { addCallFrames(&e.trace, code, at: span) }
            throw e
        } catch var e as CatchableError {
            addCallFrames(&e.trace, code, at: span)
            throw e
        }
    }

    /// `f a b` where `f = x: y: body`: binds `x`, then calls the inner lambda
    /// directly, without making the intermediate closure.
    func callCurried(_ code: LambdaCode, parent: Env, _ a: Value, _ inner: LambdaCode, _ b: Value, at span: Span) throws -> Value {
        try countStep(span)
        let env = code.isSimple ? makeEnv(parent: parent, value: a) : try bindFormals(code, parent, a, at: span)
        return try callLambda(inner, parent: env, b, at: span)
    }

    func addCallFrames(_ trace: inout [TraceFrame], _ code: LambdaCode, at span: Span) {
        trace.append(TraceFrame(code.name.map { "while evaluating '\($0)'" } ?? "while evaluating anonymous lambda", at: code.span))
        trace.append(TraceFrame("from call site", at: span))
    }

    /// The environment of a call to a `{ … }:` function: each formal from the argument set or its default.
    func bindFormals(_ code: LambdaCode, _ parent: Env, _ arg: Value, at span: Span) throws -> Env {
        if code.isSimple { return makeEnv(parent: parent, value: arg) }
        let argValue = try force(arg, at: span)
        guard case .attrs(let attrs) = argValue else {
            throw typeError(argValue, expected: "a set", at: span)
        }
        let env = makeEnv(parent: parent, count: code.envSize)
        let count = try code.formalList.withUnsafeBufferPointer { formals in
            var used = 0
            for i in 0..<formals.count {
                if let v = attrs[formals[i].name] {
                    env.fill(i, with: v)
                    used += 1
                } else if let d = formals[i].defaultRef {
                    env.fill(i, with: d._withUnsafeGuaranteedRef { $0.lazyWhileFilling(env, self) })
                } else {
                    throw EvalError("\(describe(code)) called without required argument '\(symbols.name(formals[i].name))'", at: span)
                }
            }
            return used
        }
        if !code.hasEllipsis && count != attrs.count {
            let formals = code.formalList
            let known = Set(formals.map { $0.name })
            for a in attrs.sortedByName(symbols) where !known.contains(a.name) {
                let name = symbols.name(a.name)
                var e = EvalError("\(describe(code)) called with unexpected argument '\(symbols.nameString(a.name).shownAsName)'", at: span)
                e.suggestions = Suggestions.best(formals.map { symbols.name($0.name) }, for: name)
                throw e
            }
        }
        if code.bindsArgument { env.fill(code.formalList.count, with: argValue) }
        return env
    }

    /// "'f' at file:line:col" or "anonymous function at file:line:col", as Nix names a lambda in messages.
    func describe(_ code: LambdaCode) -> String {
        let pos = positionText(code.span)
        if let n = code.name { return "'\(n)' at \(pos)" }
        return "anonymous function at \(pos)"
    }
}
