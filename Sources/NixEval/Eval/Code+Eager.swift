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
            if case .evaluated(let x) = t.repr {
                switch x {
                case .int, .float, .bool: return x
                default: return nil
                }
            }
            return nil
        default: return nil
        }
    }

    /// The value of `code` in `env` if it can be computed with no possible effect:
    /// constants, known numbers, and arithmetic of those (never division by zero).
    @inline(__always)
    func eagerScalar(_ code: Code, _ env: Env) -> Value? { code.eagerScalar(env, self) }

    @inline(__always)
    static func eagerArith(_ kind: ArithCode.Kind, _ l: Value, _ r: Value) -> Value? {
        guard case .int(let x) = l, case .int(let y) = r else { return nil }
        switch kind {
        case .sub: return .int(x &- y)
        case .mul: return .int(x &* y)
        case .div: return y == 0 || (x == Int.min && y == -1) ? nil : .int(x / y)
        }
    }
}
