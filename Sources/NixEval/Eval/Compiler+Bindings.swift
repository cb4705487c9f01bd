// Bindings of sets and `let`, and lambda parameters. Nested attribute paths
// (`a.b.c = 1; a.b.d = 2;`) are merged into nested sets the way Nix merges
// them, an attribute-set literal can be extended by a later path
// (`a = { x = 1; }; a.y = 2;`), and every duplicate is reported with both
// positions before anything is evaluated.

import NixSyntax

/// A set (or `let`) being assembled from its bindings.
final class PendingSet {
    enum Value {
        case expr(Expr)
        case nested(PendingSet)
        /// `inherit x;`: the variable `x` of the enclosing scope.
        case inherited(Symbol, Span)
        /// `inherit (e) x;`
        case inheritFrom(Expr, Symbol, Span)
    }
    final class Attr {
        var value: Value
        let span: Span
        init(_ value: Value, span: Span) {
            self.value = value
            self.span = span
        }
    }
    var isRecursive: Bool
    var isLet = false
    /// Where `inherit`ed variables are reported (just after the opening token, as Nix does).
    let openSpan: Span
    var statics: [Symbol: Attr] = [:]
    var dynamics: [(name: Expr, value: Value, span: Span)] = []

    init(isRecursive: Bool, openSpan: Span) {
        self.isRecursive = isRecursive
        self.openSpan = openSpan
    }
}

extension Compiler {
    func addBindings(_ bindings: [Binding], to set: PendingSet) throws {
        for b in bindings {
            switch b {
            case .attribute(let path, let value, let span):
                try addAttribute(path, value, span: path.first?.span ?? span, to: set)
            case .inherit(let from, let names, _):
                // Nix places inherited attributes just after the token before the names
                // (`inherit` or the closing parenthesis), where its parser's name list begins.
                let pos = names.first.map { afterPreviousToken($0.span) } ?? set.openSpan
                for n in names {
                    guard let sym = staticSymbol(n) else {
                        throw EvalError("dynamic attributes not allowed in inherit", at: n.span)
                    }
                    if let existing = set.statics[sym] {
                        throw EvalError("attribute '\(shownName(sym))' already defined at \(ev.positionText(existing.span))", at: pos)
                    }
                    if let from {
                        // Nix reports a missing name where the bindings begin (as for
                        // `inherit x;`), the attribute itself after the parenthesis.
                        set.statics[sym] = PendingSet.Attr(.inheritFrom(from, sym, set.openSpan), span: pos)
                    } else {
                        set.statics[sym] = PendingSet.Attr(.inherited(sym, set.openSpan), span: pos)
                    }
                }
            }
        }
    }

    /// Where the bindings of a set or `let` written at `span` begin: just
    /// after its opening token (`{`, or `let` for `let … in`), as Nix places
    /// them. After `rec` or a legacy `let`, blanks and comments may come
    /// before the brace.
    func bindingsStart(_ span: Span, keywordLength: Int, brace: Bool) -> Span {
        var i = Int(span.start) + keywordLength
        if brace, let f = ev.sources.file(span.file) {
            let t = f.text
            while i < t.count && t[i] != UInt8(ascii: "{") {
                if t[i] == UInt8(ascii: "#") {
                    while i < t.count && t[i] != 0x0A { i += 1 }
                } else if t[i] == UInt8(ascii: "/"), i + 1 < t.count, t[i + 1] == UInt8(ascii: "*") {
                    i += 2
                    while i + 1 < t.count && !(t[i] == UInt8(ascii: "*") && t[i + 1] == UInt8(ascii: "/")) { i += 1 }
                    i += 2
                } else {
                    i += 1
                }
            }
            // Nothing found (cannot happen for parsed source): keep the old guess.
            i = i < t.count ? i + 1 : Int(span.start) + keywordLength + 2
        }
        return Span(file: span.file, start: i, end: i)
    }

    /// The position right after the last non-blank byte before `span`.
    private func afterPreviousToken(_ span: Span) -> Span {
        guard let f = ev.sources.file(span.file) else { return span }
        var i = Int(span.start) - 1
        while i >= 0, i < f.text.count, f.text[i] == 0x20 || f.text[i] == 0x09 || f.text[i] == 0x0A || f.text[i] == 0x0D { i -= 1 }
        guard i >= 0 else { return span }
        return Span(file: span.file, start: i + 1, end: Int(span.end))
    }

    private func showPath(_ path: [AttrName]) -> String {
        path.map { staticSymbol($0).map(shownName) ?? "\"${...}\"" }.joined(separator: ".")
    }

    /// A name as Nix shows it in "already defined" (quoted unless an identifier).
    private func shownName(_ sym: Symbol) -> String { ev.symbols.nameString(sym).shownAsName }

    /// A value for a new attribute: attribute-set literals become pending sets so later paths can extend them.
    private func pendingValue(_ e: Expr) throws -> PendingSet.Value {
        if case .attrs(let isRec, let bindings, let s) = e {
            let nested = PendingSet(isRecursive: isRec, openSpan: bindingsStart(s, keywordLength: isRec ? 3 : 0, brace: true))
            try addBindings(bindings, to: nested)
            return .nested(nested)
        }
        return .expr(e)
    }

    private func addAttribute(_ path: [AttrName], _ value: Expr, span: Span, to root: PendingSet) throws {
        var set = root
        for (i, element) in path.enumerated() {
            let last = i == path.count - 1
            guard let sym = staticSymbol(element) else {
                guard case .dynamic(let nameExpr, _) = element else { continue }
                if last {
                    set.dynamics.append((nameExpr, try pendingValue(value), span))
                } else {
                    let nested = PendingSet(isRecursive: false, openSpan: span)
                    set.dynamics.append((nameExpr, .nested(nested), span))
                    set = nested
                }
                continue
            }
            if let existing = set.statics[sym] {
                guard case .nested(let nested) = existing.value else {
                    throw EvalError("attribute '\(showPath(path))' already defined at \(ev.positionText(existing.span))", at: span)
                }
                if !last {
                    set = nested
                    continue
                }
                // Both are attribute-set literals: merge the new one's static attributes in.
                guard case .nested(let incoming) = try pendingValue(value) else {
                    throw EvalError("attribute '\(showPath(path))' already defined at \(ev.positionText(existing.span))", at: span)
                }
                for (s, attr) in incoming.statics.sorted(by: { $0.value.span.start < $1.value.span.start }) {
                    if let clash = nested.statics[s] {
                        throw EvalError("attribute '\(shownName(s))' already defined at \(ev.positionText(attr.span))", at: clash.span)
                    }
                    nested.statics[s] = attr
                }
            } else if last {
                set.statics[sym] = PendingSet.Attr(try pendingValue(value), span: span)
            } else {
                let nested = PendingSet(isRecursive: false, openSpan: span)
                set.statics[sym] = PendingSet.Attr(.nested(nested), span: span)
                set = nested
            }
        }
    }

    /// Compiles a set literal (recursive or not).
    func compileSet(_ set: PendingSet, _ scope: Scope, span: Span) throws -> Code {
        if set.isRecursive {
            let (compiled, _) = try compileBindings(set, scope)
            let overrides = ev.symbols.intern("__overrides")
            return RecAttrsCode(compiled, overridesSlot: compiled.statics.firstIndex { $0.name == overrides }, span: span)
        }
        let compiled = try compileBindingsFlat(set, scope)
        return AttrsCode(compiled, span: span)
    }

    private func compileValue(_ value: PendingSet.Value, name: String?, valueScope: Scope, outerScope: Scope, span: Span) throws -> Code {
        switch value {
        case .expr(let e):
            if case .lambda(let l, let s) = e, let name {
                return try compileLambda(l, name: name, s, valueScope)
            }
            return try compile(e, valueScope)
        case .nested(let nested):
            return try compileSet(nested, valueScope, span: nested.openSpan)
        case .inherited(let n, let s):
            return try resolve(n, s, outerScope)
        case .inheritFrom(let from, let n, let s):
            let target = try compile(from, valueScope)
            return SelectCode(target, [.name(n)], orDefault: nil, span: s)
        }
    }

    /// Non-recursive set: every value compiled in `scope`.
    private func compileBindingsFlat(_ set: PendingSet, _ scope: Scope) throws -> CompiledBindings {
        let sorted = set.statics.sorted { $0.key.id < $1.key.id }
        var statics: [CompiledBindings.Static] = []
        statics.reserveCapacity(sorted.count)
        for (sym, attr) in sorted {
            let code = try compileValue(attr.value, name: ev.symbols.name(sym), valueScope: scope, outerScope: scope, span: attr.span)
            statics.append(.init(name: sym, value: code, span: attr.span, inheritedFromOuter: false))
        }
        var dynamics: [CompiledBindings.Dynamic] = []
        for d in set.dynamics {
            dynamics.append(.init(name: try compile(d.name, scope),
                                  value: try compileValue(d.value, name: nil, valueScope: scope, outerScope: scope, span: d.span),
                                  span: d.span))
        }
        return CompiledBindings(statics: statics, dynamics: dynamics)
    }

    /// `rec` set or `let`: a new scope whose slot i is the i-th static attribute by symbol id.
    func compileBindings(_ set: PendingSet, _ scope: Scope) throws -> (CompiledBindings, Scope) {
        let sorted = set.statics.sorted { $0.key.id < $1.key.id }
        var names: [Symbol: Int] = [:]
        for (i, (sym, _)) in sorted.enumerated() { names[sym] = i }
        let inner = Scope(kind: .lexical, parent: scope, names: names)
        var statics: [CompiledBindings.Static] = []
        statics.reserveCapacity(sorted.count)
        for (sym, attr) in sorted {
            var fromOuter = false
            if case .inherited = attr.value { fromOuter = true }
            let code = try compileValue(attr.value, name: ev.symbols.name(sym), valueScope: inner, outerScope: scope, span: attr.span)
            statics.append(.init(name: sym, value: code, span: attr.span, inheritedFromOuter: fromOuter))
        }
        var dynamics: [CompiledBindings.Dynamic] = []
        for d in set.dynamics {
            dynamics.append(.init(name: try compile(d.name, inner),
                                  value: try compileValue(d.value, name: nil, valueScope: inner, outerScope: scope, span: d.span),
                                  span: d.span))
        }
        return (CompiledBindings(statics: statics, dynamics: dynamics), inner)
    }

    // MARK: Lambdas

    func compileLambda(_ lambda: Lambda, name: String?, _ span: Span, _ scope: Scope) throws -> Code {
        switch lambda.parameter {
        case .identifier(let arg, _):
            let inner = Scope(kind: .lexical, parent: scope, names: [ev.symbols.intern(arg): 0])
            let code = LambdaCode(name: nil, parameter: .identifier, envSize: 1, body: try compile(lambda.body, inner), span: span)
            if let name { code.setName(name) }
            return code
        case .formals(let formals):
            var names: [Symbol: Int] = [:]
            for (i, f) in formals.formals.enumerated() {
                let sym = ev.symbols.intern(f.name)
                if names[sym] != nil {
                    throw EvalError("duplicate formal function argument '\(f.name)'", at: f.span)
                }
                names[sym] = i
            }
            if let bind = formals.bindAs {
                let sym = ev.symbols.intern(bind.name)
                if names[sym] != nil {
                    throw EvalError("duplicate formal function argument '\(bind.name)'", at: span)
                }
                names[sym] = formals.formals.count
            }
            let inner = Scope(kind: .lexical, parent: scope, names: names)
            var compiled: [LambdaCode.Formal] = []
            for f in formals.formals {
                compiled.append(.init(name: ev.symbols.intern(f.name), defaultValue: try f.defaultValue.map { try compile($0, inner) }, span: f.span))
            }
            let size = formals.formals.count + (formals.bindAs == nil ? 0 : 1)
            let code = LambdaCode(name: nil,
                                  parameter: .formals(compiled, ellipsis: formals.hasEllipsis, bindAs: formals.bindAs != nil),
                                  envSize: size, body: try compile(lambda.body, inner), span: span)
            if let name { code.setName(name) }
            return code
        }
    }
}
