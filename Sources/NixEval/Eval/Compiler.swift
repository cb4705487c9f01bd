// Turns a parsed expression into `Code`: resolves every variable to a
// (depth, slot) in the lexical environments (falling back to the enclosing
// `with`s only when no lexical binding exists), interns names, desugars
// operators, and rejects what Nix rejects before evaluating anything
// (undefined variables, duplicate attributes or formals). Bindings of sets
// and `let` are assembled in Compiler+Bindings.swift.
// It does not evaluate: every error here is about the text alone.

import NixSyntax

/// A compile-time scope: one per runtime environment.
final class Scope {
    enum Kind { case lexical, with }
    let kind: Kind
    let parent: Scope?
    var names: [Symbol: Int]

    init(kind: Kind, parent: Scope?, names: [Symbol: Int] = [:]) {
        self.kind = kind
        self.parent = parent
        self.names = names
    }
}

struct Compiler {
    let ev: Evaluator
    let file: FileID
    /// Directory that relative path literals resolve against.
    let baseDirectory: String
    /// The global scope (the evaluator's base environment) is the root of every scope chain.
    let globalScope: Scope

    init(ev: Evaluator, file: FileID, baseDirectory: String) {
        self.ev = ev
        self.file = file
        self.baseDirectory = baseDirectory
        self.globalScope = ev.globalScope
    }

    func compile(_ expr: Expr, _ scope: Scope) throws -> Code {
        try ev.enterSyntax()
        defer { ev.syntaxDepth &-= 1 }
        switch expr {
        case .int(let i, let s): return ConstCode(.int(i), span: s)
        case .float(let d, let s): return ConstCode(.float(d), span: s)
        case .string(let parts, let s): return try compileString(parts, s, scope)
        case .path(let kind, let parts, let s): return try compilePath(kind, parts, s, scope)
        case .searchPath(let name, let s):
            let findFile = try resolve("__findFile", s, scope)
            let nixPath = try resolve("__nixPath", s, scope)
            return ApplyCode(findFile, [nixPath, ConstCode(.string(name), span: s)], span: s)
        case .uri(let text, let s): return ConstCode(.string(text), span: s)
        case .identifier(let name, let s): return try resolve(name, s, scope)
        case .list(let items, let s): return ListCode(try items.map { try compile($0, scope) }, span: s)
        case .attrs(let isRec, let bindings, let s):
            let set = PendingSet(isRecursive: isRec, openSpan: bindingsStart(s, keywordLength: isRec ? 3 : 0, brace: true))
            try addBindings(bindings, to: set)
            return try compileSet(set, scope, span: s)
        case .legacyLet(let bindings, let s):
            let set = PendingSet(isRecursive: true, openSpan: bindingsStart(s, keywordLength: 3, brace: true))
            try addBindings(bindings, to: set)
            let attrs = try compileSet(set, scope, span: s)
            return SelectCode(attrs, [.name(ev.symbols.intern("body"))], orDefault: nil, span: s)
        case .select(let target, let path, nil, let s) where path.count == 1 && staticSymbol(path[0]) != nil:
            return Select1Code(try compile(target, scope), staticSymbol(path[0]) ?? ev.symbols.intern(""), span: startingAt(target, s))
        case .select(let target, let path, let orDefault, let s):
            return SelectCode(try compile(target, scope), try compileAttrPath(path, scope),
                              orDefault: try orDefault.map { try compile($0, scope) }, span: startingAt(target, s))
        case .hasAttr(let target, let path, let s):
            return HasAttrCode(try compile(target, scope), try compileAttrPath(path, scope), span: startingAt(target, s))
        case .apply:
            var args: [Expr] = []
            var f = expr
            var span = expr.span
            while case .apply(let fn, let arg, let s) = f {
                args.append(arg)
                span = s
                f = fn
            }
            // Nix points at the start of the innermost call, parentheses included.
            let fn = try compile(f, scope)
            if args.count == 1 { return Apply1Code(fn, try compile(args[0], scope), span: startingAt(f, span)) }
            return ApplyCode(fn, try args.reversed().map { try compile($0, scope) }, span: startingAt(f, span))
        case .lambda(let lambda, let s): return try compileLambda(lambda, name: nil, s, scope)
        case .letIn(let bindings, let body, let s):
            let set = PendingSet(isRecursive: true, openSpan: bindingsStart(s, keywordLength: 3, brace: false))
            set.isLet = true
            try addBindings(bindings, to: set)
            if !set.dynamics.isEmpty {
                throw EvalError("dynamic attributes not allowed in let", at: s)
            }
            let (compiled, inner) = try compileBindings(set, scope)
            return LetCode(compiled, body: try compile(body, inner), span: s)
        case .with(let e, let body, let s):
            let attrs = try compile(e, scope)
            let inner = Scope(kind: .with, parent: scope)
            return WithCode(attrs, body: try compile(body, inner), span: s)
        case .assert(let cond, let body, let s):
            return AssertCode(try compile(cond, scope), try compile(body, scope), source: cond, baseDirectory: baseDirectory, span: s)
        case .ifThenElse(let c, let t, let e, let s):
            return IfCode(try compile(c, scope), try compile(t, scope), try compile(e, scope), span: s)
        case .unary(.not, let e, let s):
            return NotCode(try compile(e, scope), span: s)
        case .unary(.negate, let e, let s):
            let zero = ConstCode(.int(0), span: s)
            return try arithmetic("__sub", .sub, zero, try compile(e, scope), s, scope)
        case .binary(let op, let l, let r, _):
            return try compileBinary(op, l, r, scope)
        case .currentPosition(let s): return CurPosCode(span: s)
        case .error(let s): return ErrorCode("syntax error", span: s)
        }
    }

    // MARK: Variables

    func resolve(_ name: String, _ span: Span, _ scope: Scope) throws -> Code {
        try resolve(ev.symbols.intern(name), span, scope)
    }

    func resolve(_ sym: Symbol, _ span: Span, _ scope: Scope) throws -> Code {
        var depth = 0
        var withDepths: [Int] = []
        var s: Scope? = scope
        while let sc = s {
            if sc === globalScope {
                if let slot = sc.names[sym] { return GlobalVarCode(slot: slot, span: span) }
                break
            }
            switch sc.kind {
            case .lexical:
                if let slot = sc.names[sym] {
                    return depth == 0 ? LocalVarCode(slot: slot, span: span) : VarCode(depth: depth, slot: slot, span: span)
                }
            case .with:
                withDepths.append(depth)
            }
            depth += 1
            s = sc.parent
        }
        if withDepths.isEmpty {
            // Only `inherit "…";` can name something that is not an identifier; Nix quotes it.
            throw EvalError("undefined variable '\(ev.symbols.nameString(sym).shownAsName)'", at: span)
        }
        return WithVarCode(name: sym, withDepths: withDepths, span: span)
    }

    /// True when `name` refers to the builtin of that name (not shadowed by a lexical binding).
    func isGlobal(_ name: String, _ scope: Scope) -> Bool {
        let sym = ev.symbols.intern(name)
        var s: Scope? = scope
        while let sc = s, sc !== globalScope {
            if sc.kind == .lexical && sc.names[sym] != nil { return false }
            s = sc.parent
        }
        return globalScope.names[sym] != nil
    }

    // MARK: Operators

    func arithmetic(_ builtin: String, _ kind: ArithCode.Kind, _ l: Code, _ r: Code, _ span: Span, _ scope: Scope) throws -> Code {
        if isGlobal(builtin, scope) { return ArithCode(kind, l, r, span: span) }
        return ApplyCode(try resolve(builtin, span, scope), [l, r], span: span)
    }

    func compileBinary(_ op: BinaryOperator, _ le: Expr, _ re: Expr, _ scope: Scope) throws -> Code {
        var l = try compile(le, scope)
        var r = try compile(re, scope)
        // A compiled binary operation already carries its whole span; taking it from
        // there keeps long operator chains linear instead of re-walking them.
        let lhsOuter = withParens(isBinary(le) ? l.span : fullSpan(le))
        let rhsFull = isBinary(re) ? r.span : fullSpan(re)
        let span = lhsOuter.to(rhsFull)
        if op == .add {
            // `+` reports a bad operand at that operand.
            l = Positioned.wrap(l, at: lhsOuter)
            r = Positioned.wrap(r, at: withParens(rhsFull))
        }
        switch op {
        case .equal: return EqualCode(negated: false, l, r, span: span)
        case .notEqual: return EqualCode(negated: true, l, r, span: span)
        case .and: return LogicCode(.and, l, r, span: span)
        case .or: return LogicCode(.or, l, r, span: span)
        case .implication: return LogicCode(.implication, l, r, span: span)
        case .update: return UpdateCode(l, r, span: span)
        case .concat: return ConcatListsCode(l, r, span: span)
        case .add: return AddCode(l, r, span: span)
        case .subtract: return try arithmetic("__sub", .sub, l, r, span, scope)
        case .multiply: return try arithmetic("__mul", .mul, l, r, span, scope)
        case .divide: return try arithmetic("__div", .div, l, r, span, scope)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            let kind: CompareCode.Kind
            switch op {
            case .less: kind = .less
            case .greater: kind = .greater
            case .lessOrEqual: kind = .lessOrEqual
            default: kind = .greaterOrEqual
            }
            if isGlobal("__lessThan", scope) { return CompareCode(kind, l, r, span: span) }
            let lt = try resolve("__lessThan", span, scope)
            switch kind {
            case .less: return ApplyCode(lt, [l, r], span: span)
            case .greater: return ApplyCode(lt, [r, l], span: span)
            case .lessOrEqual: return NotCode(ApplyCode(lt, [r, l], span: span), span: span)
            case .greaterOrEqual: return NotCode(ApplyCode(lt, [l, r], span: span), span: span)
            }
        }
    }

    // MARK: Strings and paths

    func compileString(_ parts: [StringPart], _ span: Span, _ scope: Scope) throws -> Code {
        var codes: [Code] = []
        var hasInterpolation = false
        for p in parts {
            switch p {
            case .literal(let t): codes.append(ConstCode(.string(t), span: span))
            case .bytes(let b): codes.append(ConstCode(.string(NixString(bytes: b)), span: span))
            case .interpolation(let e):
                hasInterpolation = true
                let c = try compile(e, scope)
                codes.append(Positioned.wrap(c, at: interpolationStart(e)))
            }
        }
        // Without interpolation the parser gives at most one literal part.
        if !hasInterpolation { return codes.first ?? ConstCode(.string(""), span: span) }
        return InterpolationCode(codes, span: span)
    }

    func compilePath(_ kind: PathKind, _ parts: [StringPart], _ span: Span, _ scope: Scope) throws -> Code {
        guard case .literal(let first)? = parts.first else {
            return ErrorCode("path does not start with a literal", span: span)
        }
        var prefix: String
        switch kind {
        case .absolute: prefix = first
        case .relative: prefix = Paths.join(baseDirectory, first)
        case .home: prefix = Paths.home() + String(first.dropFirst())
        }
        if parts.count == 1 { return ConstCode(.path(Paths.canonical(prefix)), span: span) }
        // Like Nix: the literal prefix keeps its trailing slash so `./a/${b}` stays inside `a`.
        let keepSlash = first.hasSuffix("/") && first.count > 1
        prefix = Paths.canonical(prefix)
        if keepSlash && !prefix.hasSuffix("/") { prefix += "/" }
        var codes: [Code] = []
        for p in parts.dropFirst() {
            switch p {
            case .literal(let t): codes.append(ConstCode(.string(t), span: span))
            case .bytes(let b): codes.append(ConstCode(.string(NixString(bytes: b)), span: span))
            case .interpolation(let e):
                codes.append(Positioned.wrap(try compile(e, scope), at: interpolationStart(e)))
            }
        }
        return PathInterpolationCode(prefix: prefix, codes, span: span)
    }

    // MARK: Attribute paths

    /// The symbol of a static name (text or exact bytes). A dynamic name
    /// that is a plain string literal is a static name, as in Nix.
    func staticSymbol(_ name: AttrName) -> Symbol? {
        switch name {
        case .name(let n, _): return ev.symbols.intern(n)
        case .bytes(let b, _): return ev.symbols.intern(NixString(bytes: b))
        case .dynamic(let e, _):
            guard case .string(let parts, _) = e else { return nil }
            var bytes: [UInt8] = []
            for p in parts {
                switch p {
                case .literal(let t): bytes += t.utf8
                case .bytes(let b): bytes += b
                case .interpolation: return nil
                }
            }
            return ev.symbols.intern(NixString(bytes: bytes))
        }
    }

    func compileAttrPath(_ path: [AttrName], _ scope: Scope) throws -> [AttrKey] {
        try path.map { n in
            if let s = staticSymbol(n) { return .name(s) }
            guard case .dynamic(let e, _) = n else { return .name(ev.symbols.intern("")) }
            return .dynamic(try compile(e, scope))
        }
    }
}

/// A variable bound in the global scope: read directly from the base environment.
final class GlobalVarCode: Code {
    let slot: Int
    init(slot: Int, span: Span) {
        self.slot = slot
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let v = ev.baseEnv[slot]
        if case .thunk(let t) = v { return try ev.forceThunk(t, at: span) }
        return v
    }
    override func lazy(_ env: Env, _ ev: Evaluator) -> Value { ev.baseEnv[slot] }
}

/// Gives a node another span for errors without changing what it computes.
enum Positioned {
    static func wrap(_ code: Code, at span: Span) -> Code {
        if span == code.span { return code }
        return PositionedCode(code, span: span)
    }
}

final class PositionedCode: Code {
    let inner: Code
    init(_ inner: Code, span: Span) {
        self.inner = inner
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value { try inner.eval(env, ev) }
    override func lazy(_ env: Env, _ ev: Evaluator) -> Value { inner.lazy(env, ev) }
    override func eagerScalar(_ env: Env, _ ev: Evaluator) -> Value? { inner.eagerScalar(env, ev) }
    override func lazyWhileFilling(_ env: Env, _ ev: Evaluator) -> Value { inner.lazyWhileFilling(env, ev) }
}
