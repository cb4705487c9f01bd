// Passing arguments without thunks where nobody could tell the difference.
// A lambda whose body forces its parameter before doing anything else is
// "strict in its parameter"; when such a lambda is called with an argument
// that can be computed right away without any possible effect (arithmetic
// or comparison on numbers that are already known), the number is passed
// directly instead of a thunk. The callee would have forced the thunk first
// thing, nothing can fail, and a number has no identity: the result, the
// errors and the printed output are the same; only the work is less.

import NixSyntax

enum Strictness {
    /// The variable (depth, slot) that evaluating `code` forces before anything else, if any.
    static func firstForced(_ code: Code) -> (depth: Int, slot: Int)? {
        var c = code
        while true {
            switch c {
            case let v as LocalVarCode: return (0, v.slot)
            case let v as VarCode: return (v.depth, v.slot)
            case let x as PositionedCode: c = x.inner
            case let x as IfCode: c = x.cond
            case let x as AssertCode: c = x.cond
            case let x as NotCode: c = x.operand
            case let x as LogicCode: c = x.lhs
            case let x as ArithCode: c = x.lhs
            case let x as CompareCode: c = x.lhs
            case let x as EqualCode: c = x.lhs
            case let x as AddCode: c = x.lhs
            case let x as UpdateCode: c = x.lhs
            case let x as ConcatListsCode: c = x.lhs
            case let x as SelectCode: c = x.target
            case let x as HasAttrCode: c = x.target
            case let x as Apply1Code: c = x.function
            case let x as ApplyCode: c = x.function
            default: return nil
            }
        }
    }

    /// True if `eagerScalar` may give a value for `code`: a small tree of
    /// numeric constants, variables and `+ - * /`. Checked once per lambda so
    /// that builtins try the eager path only where it can succeed. `budget`
    /// bounds the walk (a huge arithmetic body is simply not eager).
    static func mayBeEager(_ code: Code, budget: Int = 16) -> Bool {
        if budget <= 0 { return false }
        switch code {
        case let c as ConstCode:
            switch c.value {
            case .int, .float, .bool: return true
            default: return false
            }
        case is LocalVarCode, is VarCode: return true
        case let x as AddCode: return mayBeEager(x.lhs, budget: budget - 1) && mayBeEager(x.rhs, budget: budget - 1)
        case let x as ArithCode: return mayBeEager(x.lhs, budget: budget - 1) && mayBeEager(x.rhs, budget: budget - 1)
        case let x as PositionedCode: return mayBeEager(x.inner, budget: budget - 1)
        default: return false
        }
    }

    /// True for `x: body` where `body` forces `x` first.
    static func isStrictInParameter(_ lambda: LambdaCode) -> Bool {
        guard lambda.isSimple, let f = firstForced(lambda.body) else { return false }
        return f.depth == 0 && f.slot == 0
    }
}

extension Evaluator {
    /// A number or Boolean already known without evaluating anything (or nil).
    @inline(__always)
    func knownScalar(_ v: Value) -> Value? {
        switch v {
        case .int, .float, .bool: return v
        case .thunk(let t):
            // Not a `.ready` thunk: reading it here would leave it looking
            // unforced (printing `<CODE>`) where Nix would have forced it.
            switch t.repr {
            case .evaluated(let x):
                switch x {
                case .int, .float, .bool: return x
                default: return nil
                }
            default: return nil
            }
        default: return nil
        }
    }

    /// `f arg` for each of `count` arguments, in lazy positions (`map`,
    /// `genList`). When `f` is a lambda `x: body` whose body is plain
    /// arithmetic on known numbers, each result is computed now and kept in a
    /// thunk that still counts as unevaluated (printing shows `<CODE>` until
    /// something forces it, as for any application). Otherwise, for a lambda
    /// `x: …`, each is a thunk of the call with `x` already bound (one
    /// environment made now instead of when forced), and for anything else a
    /// thunk of the application. `f` itself is not forced (unless it is a
    /// lambda literal, whose forcing only makes the closure).
    func lazyApplications(_ f: Value, count: Int, _ argument: (Int) -> Value) -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(min(count, 1 << 20))
        guard let c = knownLambda(f), c.code.isSimple else {
            for i in 0..<count { out.append(lazyApply(f, argument(i), at: .none)) }
            return out
        }
        let code = c.code, parent = c.env
        if code.isEagerCandidate {
            // One environment for every try: eagerScalar never captures it.
            let env = makeEnv(parent: parent, value: .null)
            let body = code.bodyRef
            for i in 0..<count {
                let a = argument(i)
                env[0] = a
                if let v = body._withUnsafeGuaranteedRef({ $0.eagerScalar(env, self) }) {
                    out.append(.thunk(Thunk(ready: v)))
                } else {
                    out.append(.thunk(Thunk(call: code, env: makeEnv(parent: parent, value: a))))
                }
            }
            return out
        }
        for i in 0..<count { out.append(.thunk(Thunk(call: code, env: makeEnv(parent: parent, value: argument(i))))) }
        return out
    }

    /// The closure `f` is or will be without any effect: an evaluated lambda,
    /// or a thunk of a lambda literal (forcing it only makes the closure).
    private func knownLambda(_ f: Value) -> Closure? {
        var function = f
        if case .thunk(let t) = f {
            switch t.repr {
            case .evaluated(let v): function = v
            case .code(let code, _) where code._withUnsafeGuaranteedRef({ $0 is LambdaCode }):
                guard let v = try? forceThunk(t, at: .none) else { return nil }
                function = v
            default: return nil
            }
        }
        if case .lambda(let c) = function { return c }
        return nil
    }

    /// The value of `code` in `env` if it can be computed with no possible effect:
    /// constants, known numbers, and arithmetic of those (never division by zero).
    @inline(__always)
    func eagerScalar(_ code: Code, _ env: Env) -> Value? { code.eagerScalar(env, self) }

    @inline(__always)
    static func eagerArith(_ kind: ArithCode.Kind, _ l: Value, _ r: Value) -> Value? {
        guard case .int(let x) = l, case .int(let y) = r else { return nil }
        switch kind {
        case .sub:
            let (r, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? nil : .int(r)
        case .mul:
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : .int(r)
        case .div: return y == 0 || (x == Int.min && y == -1) ? nil : .int(x / y)
        }
    }
}
