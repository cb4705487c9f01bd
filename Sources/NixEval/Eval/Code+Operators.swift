// The operators. `+` and string interpolation follow Nix's "concat strings"
// rules (the first operand decides: number, path or string); `-`, `*`, `/`
// and the comparisons behave like the builtins Nix desugars them to
// (`__sub`, `__lessThan`, …), including where their errors point.
// Integer overflow is an error ("integer overflow in adding …"), as the Nix
// language defines it; nix-instantiate 2.8, the reference, still wraps around
// there, the one place where roost deliberately prints something else.

import NixSyntax

/// `a + b`, with fast paths for the common cases.
final class AddCode: Code {
    let lhs: Code, rhs: Code
    init(_ lhs: Code, _ rhs: Code, span: Span) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        switch a {
        case .int(let x):
            let b = try rhs.eval(env, ev)
            switch b {
            case .int(let y): return .int(try Arithmetic.add(x, y, at: span))
            case .float(let y): return .float(Double(x) + y)
            default: throw EvalError("cannot add \(b.typeDescription) to an integer", at: rhs.span)
            }
        case .float(let x):
            let b = try rhs.eval(env, ev)
            switch b {
            case .int(let y): return .float(x + Double(y))
            case .float(let y): return .float(x + y)
            default: throw EvalError("cannot add \(b.typeDescription) to a float", at: rhs.span)
            }
        case .string(let s):
            let b = try rhs.eval(env, ev)
            try ev.checkMemory(span)
            if case .string(let t) = b { return .string(Self.concat(s, t)) }
            let t = try ev.coerceToString(b, at: rhs.span, coerceMore: false, copyToStore: true)
            return .string(Self.concat(s, t))
        case .path(let p):
            let b = try rhs.eval(env, ev)
            let t = try ev.coerceToString(b, at: rhs.span, coerceMore: false, copyToStore: false)
            if !t.context.isEmpty {
                throw EvalError("a string that refers to a store path cannot be appended to a path", at: span)
            }
            return .path(Paths.canonical(p.string + t.string))
        default:
            // Not a number, path or string: coerce it (sets with outPath/__toString), or fail here.
            let s = try ev.coerceToString(a, at: lhs.span, coerceMore: false, copyToStore: true)
            let b = try rhs.eval(env, ev)
            let t = try ev.coerceToString(b, at: rhs.span, coerceMore: false, copyToStore: true)
            return .string(Self.concat(s, t))
        }
    }

    /// `s + t` for strings: one allocation of the exact size (an empty side
    /// without context hands back the other unchanged).
    static func concat(_ s: NixString, _ t: NixString) -> NixString {
        let a = s.byteCount, b = t.byteCount
        if b == 0 && t.context.isEmpty { return s }
        if a == 0 && s.context.isEmpty { return t }
        if !s.isText || !t.isText { return s.appending(t) }
        let out: String = withUnsafeTemporaryAllocation(of: String.self, capacity: 2) { texts in
            texts.initializeElement(at: 0, to: s.string)
            texts.initializeElement(at: 1, to: t.string)
            defer { texts.deinitialize() }
            return String.joining(texts, count: 2, totalBytes: a &+ b)
        }
        return NixString(out, context: s.context.union(t.context))
    }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? {
        guard let l = lhs.eagerScalar(env, ev), let r = rhs.eagerScalar(env, ev),
              case .int(let x) = l, case .int(let y) = r else { return nil }
        let (sum, overflow) = x.addingReportingOverflow(y)
        return overflow ? nil : .int(sum)
    }
}

/// `"a${b}c"` and `''…''` with interpolation: every part is coerced to a string (paths are copied to the store).
final class InterpolationCode: Code {
    let parts: [Code]
    /// For each part that is a string literal, its text (read directly
    /// instead of evaluating the part); nil for the others.
    private let literals: [String?]
    init(_ parts: [Code], span: Span) {
        self.parts = parts
        self.literals = parts.map { part in
            if let c = part as? ConstCode, case .string(let s) = c.value, s.context.isEmpty, s.isText { return s.string }
            return nil
        }
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let count = parts.count
        // `"${s}"` of a string is that very string (text and context).
        if count == 1 && literals[0] == nil {
            return .string(try Self.string(of: parts[0], env, ev))
        }
        // Evaluate every part once, in order, keeping its text; then copy the
        // texts into one string allocated at its final size.
        var context = StringContext.empty
        // Set (rarely) to the whole result when a part was not UTF-8.
        var exact: NixString? = nil
        let out: String = try withUnsafeTemporaryAllocation(of: String.self, capacity: count) { texts in
            var filled = 0
            defer { UnsafeMutableBufferPointer(rebasing: texts[0..<filled]).deinitialize() }
            var total = 0
            // A part that is not UTF-8 stops the loop; it is kept here and
            // `exactRest` does the rest.
            var raw: NixString? = nil
            try parts.withUnsafeBufferPointer { codes in
                try literals.withUnsafeBufferPointer { literals in
                    while filled < count {
                        if let text = literals[filled] {
                            total &+= text.utf8.count
                            texts.initializeElement(at: filled, to: text)
                            filled += 1
                            continue
                        }
                        let s = try Unmanaged.passUnretained(codes[filled])._withUnsafeGuaranteedRef { try Self.string(of: $0, env, ev) }
                        if !s.isText {
                            raw = s
                            break
                        }
                        let text = s.string
                        total &+= text.utf8.count
                        let partContext = s.context
                        if !partContext.isEmpty { context.formUnion(partContext) }
                        texts.initializeElement(at: filled, to: text)
                        filled += 1
                    }
                }
            }
            if let raw {
                exact = try exactRest(UnsafeMutableBufferPointer(rebasing: texts[0..<filled]), raw, context, env, ev)
                return ""
            }
            return String.joining(texts, count: filled, totalBytes: total)
        }
        if let exact {
            return .string(exact)
        }
        return .string(NixString(out, context: context))
    }

    /// One part's string: a string as it is, anything else coerced (paths
    /// copied to the store).
    @inline(__always)
    private static func string(of part: Code, _ env: Env, _ ev: Evaluator) throws -> NixString {
        let v = try part.eval(env, ev)
        if case .string(let s) = v { return s }
        return try ev.coerceToString(v, at: part.span, coerceMore: false, copyToStore: true)
    }

    /// The rest of an interpolation once part `done.count` (`raw`) turned
    /// out not to be UTF-8: the remaining parts are evaluated in order and
    /// everything is joined as bytes.
    @inline(never)
    private func exactRest(_ done: UnsafeMutableBufferPointer<String>, _ raw: NixString,
                           _ context: StringContext, _ env: Env, _ ev: Evaluator) throws -> NixString {
        var pieces = done.map { NixString($0) }
        pieces.append(raw)
        var context = context.union(raw.context)
        for i in (done.count + 1)..<parts.count {
            if let text = literals[i] {
                pieces.append(NixString(text))
                continue
            }
            let s = try Self.string(of: parts[i], env, ev)
            context.formUnion(s.context)
            pieces.append(s)
        }
        return NixString.joining(pieces, context: context)
    }
}

extension String {
    /// The first `count` strings of `parts` one after the other, copied
    /// straight into a string of `totalBytes` bytes (their summed UTF-8 size).
    static func joining(_ parts: UnsafeMutableBufferPointer<String>, count partCount: Int, totalBytes: Int) -> String {
        // Filling raw storage needs a validation pass over the result, which
        // appending valid strings does not; it pays off only for short results.
        if totalBytes > 256 {
            var out = String()
            out.reserveCapacity(totalBytes)
            for i in 0..<partCount { out.append(parts[i]) }
            return out
        }
        return String(unsafeUninitializedCapacity: totalBytes) { out in
            var n = 0
            for i in 0..<partCount {
                parts[i].withUTF8 { bytes in
                    let c = Swift.min(bytes.count, out.count - n)
                    if c > 0, let dst = out.baseAddress, let src = bytes.baseAddress {
                        (dst + n).update(from: src, count: c)
                        n += c
                    }
                }
            }
            return n
        }
    }
}

/// `./a/${b}/c`: the first part is the path prefix (kept as written), the rest
/// are coerced without copying; the result is canonicalised.
final class PathInterpolationCode: Code {
    let prefix: String
    let parts: [Code]
    init(prefix: String, _ parts: [Code], span: Span) {
        self.prefix = prefix
        self.parts = parts
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        var out = prefix
        for p in parts {
            let v = try p.eval(env, ev)
            let s = try ev.coerceToString(v, at: p.span, coerceMore: false, copyToStore: false)
            if !s.context.isEmpty {
                throw EvalError("a string that refers to a store path cannot be appended to a path", at: span)
            }
            out.append(s.string)
        }
        return .path(Paths.canonical(out))
    }
}

/// `-`, `*`, `/` (and unary minus as `0 - e`), with the semantics of `__sub`, `__mul`, `__div`.
final class ArithCode: Code {
    enum Kind { case sub, mul, div }
    let kind: Kind
    let lhs: Code, rhs: Code
    init(_ kind: Kind, _ lhs: Code, _ rhs: Code, span: Span) {
        self.kind = kind
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        let b = try rhs.eval(env, ev)
        return try Arithmetic.apply(kind, a, b, ev, at: span)
    }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? {
        guard let l = lhs.eagerScalar(env, ev), let r = rhs.eagerScalar(env, ev) else { return nil }
        return Evaluator.eagerArith(kind, l, r)
    }
}

enum Arithmetic {
    /// `x + y` on integers; overflow is an error.
    @inline(__always)
    static func add(_ x: Int, _ y: Int, at span: Span) throws -> Int {
        let (sum, overflow) = x.addingReportingOverflow(y)
        if overflow { throw EvalError("integer overflow in adding \(x) + \(y)", at: span) }
        return sum
    }

    @inline(__always)
    static func apply(_ kind: ArithCode.Kind, _ a: Value, _ b: Value, _ ev: Evaluator, at span: Span) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            switch kind {
            case .sub:
                let (r, overflow) = x.subtractingReportingOverflow(y)
                if overflow { throw EvalError("integer overflow in subtracting \(x) - \(y)", at: span) }
                return .int(r)
            case .mul:
                let (r, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw EvalError("integer overflow in multiplying \(x) * \(y)", at: span) }
                return .int(r)
            case .div:
                if y == 0 { throw EvalError("division by zero", at: span) }
                if x == Int.min && y == -1 { throw EvalError("overflow in integer division", at: span) }
                return .int(x / y)
            }
        }
        if kind == .div {
            let d = try number(b, ev, span)
            if d == 0 { throw EvalError("division by zero", at: span) }
        }
        if case .float = a {} else if case .float = b {} else {
            // Neither is a float: both must be integers.
            guard case .int = a else { throw ev.typeError(a, expected: "an integer", at: span) }
            throw ev.typeError(b, expected: "an integer", at: span)
        }
        let x = try number(a, ev, span), y = try number(b, ev, span)
        switch kind {
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div: return .float(x / y)
        }
    }

    @inline(__always)
    static func number(_ v: Value, _ ev: Evaluator, _ span: Span) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw ev.typeError(v, expected: "a float", at: span)
        }
    }
}

/// `<`, `>`, `<=`, `>=` as Nix desugars them: `__lessThan a b`, `__lessThan b a`, and their negations.
final class CompareCode: Code {
    enum Kind { case less, greater, lessOrEqual, greaterOrEqual }
    let kind: Kind
    let lhs: Code, rhs: Code
    init(_ kind: Kind, _ lhs: Code, _ rhs: Code, span: Span) {
        self.kind = kind
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        let b = try rhs.eval(env, ev)
        if case .int(let x) = a, case .int(let y) = b {
            switch kind {
            case .less: return .bool(x < y)
            case .greater: return .bool(x > y)
            case .lessOrEqual: return .bool(x <= y)
            case .greaterOrEqual: return .bool(x >= y)
            }
        }
        switch kind {
        case .less: return .bool(try ev.lessThan(a, b, at: span))
        case .greater: return .bool(try ev.lessThan(b, a, at: span))
        case .lessOrEqual: return .bool(!(try ev.lessThan(b, a, at: span)))
        case .greaterOrEqual: return .bool(!(try ev.lessThan(a, b, at: span)))
        }
    }
}

/// `==` and `!=`.
final class EqualCode: Code {
    let negated: Bool
    let lhs: Code, rhs: Code
    init(negated: Bool, _ lhs: Code, _ rhs: Code, span: Span) {
        self.negated = negated
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        let b = try rhs.eval(env, ev)
        let eq = try ev.equals(a, b, at: span)
        return .bool(negated ? !eq : eq)
    }
}

/// `a // b`.
final class UpdateCode: Code {
    let lhs: Code, rhs: Code
    init(_ lhs: Code, _ rhs: Code, span: Span) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        guard case .attrs(let x) = a else { throw ev.typeError(a, expected: "a set", at: span) }
        let b = try rhs.eval(env, ev)
        guard case .attrs(let y) = b else { throw ev.typeError(b, expected: "a set", at: span) }
        if x.isEmpty { return b }
        if y.isEmpty { return a }
        return .attrs(x.updating(with: y))
    }
}

/// `a ++ b`.
final class ConcatListsCode: Code {
    let lhs: Code, rhs: Code
    init(_ lhs: Code, _ rhs: Code, span: Span) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let a = try lhs.eval(env, ev)
        guard case .list(let x) = a else { throw ev.typeError(a, expected: "a list", at: span) }
        let b = try rhs.eval(env, ev)
        guard case .list(let y) = b else { throw ev.typeError(b, expected: "a list", at: span) }
        if x.isEmpty { return b }
        if y.isEmpty { return a }
        try ev.checkMemory(span)
        return .list(.concatenating(x.elements, y.elements))
    }
}
