// Operations on values that the language and the builtins share: deep
// forcing, coercion to strings, `==` and `<`. Each follows Nix 2.8's rules,
// including its quirks (derivations compare by outPath, functions are never
// equal, ints and floats compare by value, lists of lists coerce with spaces).

import NixSyntax

extension Evaluator {
    /// Forces a value and everything in it (lists, attribute values), as `deepSeq` and `--strict` do.
    public func deepForce(_ value: Value, at span: Span) throws {
        var seen = Set<UInt>()
        try deepForce(value, at: span, seen: &seen)
    }

    /// `seen` holds the identities of thunks and sets already visited.
    private func deepForce(_ value: Value, at span: Span, seen: inout Set<UInt>) throws {
        if case .thunk(let t) = value {
            guard seen.insert(t.identity).inserted else { return }
        }
        let v = try force(value, at: span)
        switch v {
        case .attrs(let attrs):
            guard seen.insert(attrs.identity).inserted else { return }
            try enter(span)
            defer { depth &-= 1 }
            // In symbol order (the order names were first seen), which is the order
            // Nix forces them in; it decides which error is reported first.
            for a in attrs.entries {
                do {
                    try deepForce(a.value, at: a.span.isNone ? span : a.span, seen: &seen)
                } catch var e as EvalError {
                    if !e.suppressesTrace {
                        e.trace.append(TraceFrame("while evaluating the attribute '\(symbols.name(a.name))'", at: a.span))
                    }
                    throw e
                } catch var e as CatchableError {
                    e.trace.append(TraceFrame("while evaluating the attribute '\(symbols.name(a.name))'", at: a.span))
                    throw e
                }
            }
        case .list(let items):
            try enter(span)
            defer { depth &-= 1 }
            for item in items { try deepForce(item, at: span, seen: &seen) }
        default:
            break
        }
    }

    /// Nix's coerceToString: strings, paths (copied to the store when
    /// `copyToStore`), sets with `__toString` or `outPath`; with `coerceMore`
    /// also null (""), bools ("1"/""), ints, floats and lists (space-separated), as `toString` does.
    public func coerceToString(_ value: Value, at span: Span, coerceMore: Bool, copyToStore: Bool) throws -> NixString {
        try coerceToString(value, at: span, coerceMore: coerceMore, copyToStore: copyToStore, canonicalizePath: true)
    }

    func coerceToString(_ value: Value, at span: Span, coerceMore: Bool, copyToStore: Bool, canonicalizePath: Bool) throws -> NixString {
        let v = try force(value, at: span)
        switch v {
        case .string(let s): return s
        case .path(let pathValue):
            let p = pathValue.string
            let path = canonicalizePath ? Paths.canonical(p) : p
            if copyToStore {
                let stored = try copyPathToStore(path, at: span)
                return NixString(exactRendering: stored, context: StringContext(stored))
            }
            return NixString(exactRendering: path)
        case .attrs(let attrs):
            if let f = attrs[sToString] {
                let r = try call(try force(f, at: span), v, at: span)
                return try coerceToString(r, at: span, coerceMore: coerceMore, copyToStore: copyToStore, canonicalizePath: true)
            }
            guard let out = attrs[sOutPath] else {
                throw EvalError("cannot coerce a set to a string", at: span)
            }
            try enter(span)
            defer { depth &-= 1 }
            return try coerceToString(out, at: span, coerceMore: coerceMore, copyToStore: copyToStore, canonicalizePath: canonicalizePath)
        default:
            break
        }
        if coerceMore {
            switch v {
            case .bool(let b): return NixString(b ? "1" : "")
            case .int(let i): return NixString(String(i))
            case .float(let d): return NixString(FloatFormat.fixed6(d))
            case .null: return NixString("")
            case .list(let items):
                try enter(span)
                defer { depth &-= 1 }
                var parts: [NixString] = []
                var context = StringContext.empty
                for (n, item) in items.enumerated() {
                    let part = try coerceToString(item, at: span, coerceMore: coerceMore, copyToStore: copyToStore, canonicalizePath: canonicalizePath)
                    parts.append(part)
                    context.formUnion(part.context)
                    if n < items.count - 1 {
                        // Nix adds no separator after an empty list element.
                        if case .list(let l) = try force(item, at: span), l.isEmpty { continue }
                        parts.append(NixString(" "))
                    }
                }
                if parts.allSatisfy(\.isText) { return NixString(parts.map(\.string).joined(), context: context) }
                return NixString.joining(parts, context: context)
            default: break
            }
        }
        throw EvalError("cannot coerce \(v.typeDescription) to a string", at: span)
    }

    /// True for a set with `type = "derivation"`.
    func isDerivation(_ attrs: Attrs) throws -> Bool {
        guard let t = attrs[sType] else { return false }
        let v = try force(t, at: .none)
        if case .string(let s) = v { return s.string == "derivation" }
        return false
    }

    /// `==` of the language (deep, forcing as needed).
    public func equals(_ a: Value, _ b: Value, at span: Span) throws -> Bool {
        // Like Nix, the very same value is equal to itself without looking at it
        // (so `[f] == [f]` holds for a function `f`, while `f == f` does not).
        if case .thunk(let s) = a, case .thunk(let t) = b, s.isSame(t) { return true }
        // The common comparisons of evaluated values (`x == null`,
        // `t == "option"`, numbers) are decided before forcing, which copies.
        switch (a, b) {
        case (.null, .null): return true
        case (.null, .bool), (.null, .int), (.null, .string), (.null, .attrs), (.null, .list),
             (.bool, .null), (.int, .null), (.string, .null), (.attrs, .null), (.list, .null):
            return false
        case (.string(let s), .string(let t)): return s.nixEquals(t)
        case (.int(let i), .int(let j)): return i == j
        case (.bool(let p), .bool(let q)): return p == q
        default: break
        }
        let x = try force(a, at: span)
        let y = try force(b, at: span)
        switch (x, y) {
        case (.int(let i), .int(let j)): return i == j
        case (.int(let i), .float(let d)): return Double(i) == d
        case (.float(let d), .int(let i)): return d == Double(i)
        case (.float(let d), .float(let e)): return d == e
        case (.bool(let p), .bool(let q)): return p == q
        case (.null, .null): return true
        case (.string(let s), .string(let t)): return s.nixEquals(t)
        case (.path(let p), .path(let q)): return p.string.nixEquals(q.string)
        case (.list(let l), .list(let m)):
            guard l.count == m.count else { return false }
            try enter(span)
            defer { depth &-= 1 }
            for i in 0..<l.count where !(try equals(l[i], m[i], at: span)) { return false }
            return true
        case (.attrs(let p), .attrs(let q)):
            if p.isSame(q) { return true }
            try enter(span)
            defer { depth &-= 1 }
            if try isDerivation(p), try isDerivation(q), let o1 = p[sOutPath], let o2 = q[sOutPath] {
                return try equals(o1, o2, at: span)
            }
            guard p.count == q.count else { return false }
            for i in 0..<p.count {
                if p.entries[i].name != q.entries[i].name { return false }
            }
            for i in 0..<p.count where !(try equals(p.entries[i].value, q.entries[i].value, at: span)) {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// `<` of the language (numbers, strings, paths, lists lexicographically); errors on other types.
    public func lessThan(_ a: Value, _ b: Value, at span: Span) throws -> Bool {
        let x = try force(a, at: span)
        let y = try force(b, at: span)
        switch (x, y) {
        case (.int(let i), .int(let j)): return i < j
        case (.int(let i), .float(let d)): return Double(i) < d
        case (.float(let d), .int(let i)): return d < Double(i)
        case (.float(let d), .float(let e)): return d < e
        case (.string(let s), .string(let t)): return s.nixLess(t)
        case (.path(let p), .path(let q)): return p.string.nixLess(q.string)
        case (.list(let l), .list(let m)):
            try enter(span)
            defer { depth &-= 1 }
            var i = 0
            while true {
                if i == m.count { return false }
                if i == l.count { return true }
                if !(try equals(l[i], m[i], at: span)) { return try lessThan(l[i], m[i], at: span) }
                i += 1
            }
        default:
            throw EvalError("cannot compare \(x.typeDescription) with \(y.typeDescription)", at: span)
        }
    }
}
