// Attribute sets and the scopes built from bindings: `{ … }`, `rec { … }`,
// `let … in`, `with`, selection (`e.a.b or d`) and `e ? a.b`.
// Static attributes are sorted by symbol at compile time, so building a set
// is a straight copy; dynamic attributes (`${e} = …`) are inserted after.
// Duplicate static names are rejected by the Compiler, not here.

import NixSyntax

/// The bindings of a set or a `let`, resolved by the compiler.
struct CompiledBindings {
    struct Static {
        let name: Symbol
        let value: Code
        /// `value` unretained, for the loops that build sets and scopes:
        /// reading the strong field out of the array would count a
        /// reference per attribute. The compiled tree keeps the code alive.
        let valueRef: Unmanaged<Code>
        /// Where the attribute is defined (unsafeGetAttrPos, "already defined at").
        let span: Span
        /// `inherit x;` in a `rec`/`let`: evaluated in the enclosing environment.
        let inheritedFromOuter: Bool

        init(name: Symbol, value: Code, span: Span, inheritedFromOuter: Bool) {
            self.name = name
            self.value = value
            self.valueRef = Unmanaged.passUnretained(value)
            self.span = span
            self.inheritedFromOuter = inheritedFromOuter
        }
    }
    struct Dynamic {
        let name: Code
        let value: Code
        let span: Span
    }
    /// Sorted by symbol id, unique. In a `rec`/`let` slot i holds statics[i].
    var statics: [Static]
    var dynamics: [Dynamic]

    /// Writes the statics' attributes from `out` on, their values lazy in
    /// `staticEnv` (`outerEnv` when inherited into a recursive scope, the
    /// slots themselves when `slotsFilled`); returns how many.
    @inline(__always)
    private func writeStatics(_ out: UnsafeMutablePointer<Attr>, staticEnv: Env, outerEnv: Env, slotsFilled: Bool, _ ev: Evaluator) -> Int {
        statics.withUnsafeBufferPointer { ss in
            for i in 0..<ss.count {
                // Environments are plain pointers: choosing one costs nothing.
                let v = slotsFilled ? staticEnv[i] : ss[i].valueRef.lazy(ss[i].inheritedFromOuter ? outerEnv : staticEnv, ev)
                (out + i).initialize(to: Attr(name: ss[i].name, value: v, span: ss[i].span))
            }
            return ss.count
        }
    }

    /// Builds the set: statics evaluated lazily in `env` (or its parent when
    /// inherited into a recursive scope), then the dynamic attributes.
    func makeAttrs(staticEnv: Env, outerEnv: Env, dynamicEnv: Env, slotsFilled: Bool, _ ev: Evaluator) throws -> Attrs {
        // The common case: written in place in the arena.
        if dynamics.isEmpty {
            return Attrs(capacity: statics.count) { writeStatics($0, staticEnv: staticEnv, outerEnv: outerEnv, slotsFilled: slotsFilled, ev) }
        }
        var entries = [Attr](unsafeUninitializedCapacity: statics.count + dynamics.count) { buffer, written in
            guard let out = buffer.baseAddress else { return }
            written = writeStatics(out, staticEnv: staticEnv, outerEnv: outerEnv, slotsFilled: slotsFilled, ev)
        }
        for d in dynamics {
            let nameValue = try d.name.eval(dynamicEnv, ev)
            if case .null = nameValue { continue }
            let name = try ev.attrName(nameValue, at: d.name.span)
            let sym = ev.symbols.intern(name)
            var lo = 0, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if entries[mid].name.id < sym.id { lo = mid + 1 } else { hi = mid }
            }
            if lo < entries.count && entries[lo].name == sym {
                throw EvalError("dynamic attribute '\(name.shownAsName)' already defined at \(ev.positionText(entries[lo].span))", at: d.span)
            }
            (d.value as? LambdaCode)?.setName(name.string)
            entries.insert(Attr(name: sym, value: d.value.lazy(dynamicEnv, ev), span: d.span), at: lo)
        }
        return Attrs(sortedEntries: entries)
    }
}

/// `{ … }`: values are evaluated in the enclosing environment.
final class AttrsCode: Code {
    let bindings: CompiledBindings
    init(_ bindings: CompiledBindings, span: Span) {
        self.bindings = bindings
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        if bindings.statics.isEmpty && bindings.dynamics.isEmpty { return .attrs(Attrs.empty) }
        let attrs = try bindings.makeAttrs(staticEnv: env, outerEnv: env, dynamicEnv: env, slotsFilled: false, ev)
        attrs.span = span
        return .attrs(attrs)
    }
}

/// Fills a new environment with the lazily evaluated statics of a `rec` or `let`.
@inline(__always)
private func recursiveEnv(_ bindings: CompiledBindings, _ env: Env, _ ev: Evaluator) -> Env {
    let inner = ev.makeEnv(parent: env, count: bindings.statics.count)
    bindings.statics.withUnsafeBufferPointer { ss in
        for i in 0..<ss.count {
            inner.fill(i, with: ss[i].valueRef.lazyWhileFilling(ss[i].inheritedFromOuter ? env : inner, ev))
        }
    }
    return inner
}

/// `rec { … }`: values see every static attribute.
final class RecAttrsCode: Code {
    let bindings: CompiledBindings
    /// The slot of a static `__overrides` attribute, if the set has one.
    let overridesSlot: Int?
    init(_ bindings: CompiledBindings, overridesSlot: Int? = nil, span: Span) {
        self.bindings = bindings
        self.overridesSlot = overridesSlot
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let inner: Env
        if overridesSlot == nil {
            inner = recursiveEnv(bindings, env, ev)
        } else {
            // No slot may alias another (`b = a;` copying a's thunk): an
            // overridden attribute must be seen by every attribute naming it.
            inner = Env.make(parent: env, count: bindings.statics.count)
            for (i, s) in bindings.statics.enumerated() {
                if s.value is LocalVarCode, !s.inheritedFromOuter {
                    inner.fill(i, with: .thunk(Thunk(code: s.value, env: inner)))
                } else {
                    inner.fill(i, with: s.value.lazyWhileFilling(s.inheritedFromOuter ? env : inner, ev))
                }
            }
        }
        var extra: [Attr] = []
        if let slot = overridesSlot {
            // The old `__overrides` of rec sets: its attributes replace the
            // set's own (also for the other attributes that refer to them);
            // names the set lacks are added to the result but not to the scope.
            let overrides = try ev.forceAttrs(inner[slot], at: span)
            for a in overrides.entries {
                if let i = bindings.statics.firstIndex(where: { $0.name == a.name }) {
                    inner[i] = a.value
                } else {
                    extra.append(a)
                }
            }
        }
        var attrs = try bindings.makeAttrs(staticEnv: inner, outerEnv: env, dynamicEnv: inner, slotsFilled: true, ev)
        if !extra.isEmpty { attrs = attrs.updating(with: Attrs(sortedEntries: extra)) }
        attrs.span = span
        return .attrs(attrs)
    }
}

/// `let … in body`.
final class LetCode: Code {
    let bindings: CompiledBindings
    let body: Code
    init(_ bindings: CompiledBindings, body: Code, span: Span) {
        self.bindings = bindings
        self.body = body
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        try body.eval(recursiveEnv(bindings, env, ev), ev)
    }
}

/// `with e; body`: one slot holding `e`, looked into only by variables with no lexical binding.
final class WithCode: Code {
    let scope: Code
    let body: Code
    init(_ scope: Code, body: Code, span: Span) {
        self.scope = scope
        self.body = body
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        try body.eval(Env.make(parent: env, value: scope.lazy(env, ev)), ev)
    }
}

/// One element of an attribute path after compilation.
enum AttrKey {
    case name(Symbol)
    case dynamic(Code)
}

extension Evaluator {
    @inline(__always)
    func symbol(_ key: AttrKey, _ env: Env) throws -> Symbol {
        switch key {
        case .name(let s): return s
        case .dynamic(let c):
            let v = try c.eval(env, self)
            return symbols.intern(try attrName(v, at: c.span))
        }
    }

    /// A dynamic attribute name: a string without context.
    func attrName(_ value: Value, at span: Span) throws -> NixString {
        let v = try force(value, at: span)
        guard case .string(let s) = v else { throw typeError(v, expected: "a string", at: span) }
        if let c = s.context.elements, let first = c.sorted().first {
            throw EvalError("the string '\(s.string)' is not allowed to refer to a store path (such as '\(StringContext.path(of: first))')", at: span)
        }
        return s
    }

    /// The attribute set of a `with` environment, forced on first use by
    /// the variable at `span`.
    func withAttrs(_ scope: Env, at span: Span) throws -> Attrs {
        let v = try force(scope[0], at: span)
        guard case .attrs(let a) = v else { throw typeError(v, expected: "a set", at: span) }
        return a
    }

    /// The dotted text of an attribute path, as Nix shows it in messages.
    func showAttrPath(_ path: [AttrKey], _ env: Env) -> String {
        path.map { key -> String in
            switch key {
            case .name(let s): return symbols.name(s)
            case .dynamic(let c):
                if let v = try? c.eval(env, self), case .string(let s) = v { return s.string }
                return "\"${...}\""
            }
        }.joined(separator: ".")
    }
}

/// `e.a.b` and `e.a.b or d`.
final class SelectCode: Code {
    let target: Code
    let path: [AttrKey]
    let orDefault: Code?
    init(_ target: Code, _ path: [AttrKey], orDefault: Code?, span: Span) {
        self.target = target
        self.path = path
        self.orDefault = orDefault
        super.init(span: span)
    }

    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        var v = try target.eval(env, ev)
        var defined = Span.none
        var found = false
        // The set layer `v` was read from while `v` is a thunk, to settle it once forced.
        var holder: Attrs? = nil
        var holderIndex = 0
        do {
            for (i, key) in path.enumerated() {
                if i > 0 { v = try ev.forceSettling(v, in: holder, at: holderIndex, span: span) }
                let name = try ev.symbol(key, env)
                guard case .attrs(let attrs) = v else {
                    if let d = orDefault { return try d.eval(env, ev) }
                    throw ev.typeError(v, expected: "a set", at: span)
                }
                guard let (layer, index) = attrs.find(name) else {
                    if let d = orDefault { return try d.eval(env, ev) }
                    var e = EvalError("attribute '\(ev.symbols.name(name))' missing", at: span)
                    e.suggestions = Suggestions.best(attrs.entries.map { ev.symbols.name($0.name) }, for: ev.symbols.name(name))
                    throw e
                }
                let attr = layer.ownAttr(at: index)
                v = attr.value
                defined = attr.span
                found = true
                // Only the set itself is settled (see Select1Code).
                if case .thunk = v, layer.isSame(attrs) {
                    holder = attrs
                    holderIndex = index
                } else {
                    holder = nil
                }
            }
            return try ev.forceSettling(v, in: holder, at: holderIndex, span: defined.isNone ? span : defined)
        } catch var e as EvalError {
            if found && !e.suppressesTrace && !defined.isNone {
                e.trace.append(TraceFrame("while evaluating the attribute '\(ev.showAttrPath(path, env))'", at: defined))
            }
            throw e
        }
    }
}

/// `e.a` with a static name and no default: the most common selection.
final class Select1Code: Code {
    let target: Code
    let name: Symbol
    init(_ target: Code, _ name: Symbol, span: Span) {
        self.target = target
        self.name = name
        super.init(span: span)
    }

    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        let v = try target.eval(env, ev)
        guard case .attrs(let attrs) = v else { throw ev.typeError(v, expected: "a set", at: span) }
        guard let (layer, index) = attrs.find(name) else {
            var e = EvalError("attribute '\(ev.symbols.name(name))' missing", at: span)
            e.suggestions = Suggestions.best(attrs.entries.map { ev.symbols.name($0.name) }, for: ev.symbols.name(name))
            throw e
        }
        guard let t = layer.thunkRef(at: index) else { return layer.own[index].value }
        let defined = layer.own[index].span
        do {
            let v = try ev.forceThunk(t, at: defined.isNone ? span : defined)
            // Only in the set itself: forcing may have merged the layers
            // above a lower one, after which `index` names another attribute.
            if layer.isSame(attrs) { attrs.settle(index, v) }
            return v
        } catch var e as EvalError {
            if !e.suppressesTrace && !defined.isNone {
                e.trace.append(TraceFrame("while evaluating the attribute '\(ev.symbols.name(name))'", at: defined))
            }
            throw e
        }
    }
}

/// `e ? a.b`.
final class HasAttrCode: Code {
    let target: Code
    let path: [AttrKey]
    init(_ target: Code, _ path: [AttrKey], span: Span) {
        self.target = target
        self.path = path
        super.init(span: span)
    }
    override func eval(_ env: Env, _ ev: Evaluator) throws -> Value {
        var v = try target.eval(env, ev)
        for (i, key) in path.enumerated() {
            if i > 0 { v = try ev.force(v, at: span) }
            let name = try ev.symbol(key, env)
            guard case .attrs(let attrs) = v, let next = attrs[name] else { return .bool(false) }
            v = next
        }
        return .bool(true)
    }
}
