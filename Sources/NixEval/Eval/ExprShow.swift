// An expression rendered in the canonical syntax Nix uses in messages such as
// "assertion '(x == 1)' failed": every compound expression parenthesised,
// operators shown as the builtins they desugar to (`__sub`, `__lessThan`),
// paths resolved, nested attribute paths merged into nested sets.
// Used only when such a message is produced, never while evaluating.

import NixSyntax

enum ExprShow {
    static func show(_ e: Expr, _ ev: Evaluator, baseDirectory: String = "/") -> String {
        var s = Shower(ev: ev, baseDirectory: baseDirectory)
        return s.show(e)
    }
}

private struct Shower {
    let ev: Evaluator
    let baseDirectory: String
    var depth = 0

    /// A literal part's text (bytes that are not UTF-8 as their exact rendering); "" for an interpolation.
    static func literalText(_ part: StringPart) -> String {
        switch part {
        case .literal(let t): return t
        case .bytes(let b): return ExactRendering.text(of: b)
        case .interpolation: return ""
        }
    }

    static func quoted(_ s: String) -> String {
        var out = ""
        ValuePrinter.appendQuotedName(s, to: &out)
        return out
    }

    mutating func show(_ e: Expr) -> String {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { return "..." }
        switch e {
        case .int(let i, _): return String(i)
        case .float(let d, _): return FloatFormat.shortest6(d)
        case .string(let parts, _):
            let hasInterpolation = parts.contains { if case .interpolation = $0 { return true }; return false }
            if !hasInterpolation {
                return Shower.quoted(parts.map(Shower.literalText).joined())
            }
            return "(" + parts.map { p -> String in
                switch p {
                case .literal, .bytes: return Shower.quoted(Shower.literalText(p))
                case .interpolation(let x): return show(x)
                }
            }.joined(separator: " + ") + ")"
        case .path(let kind, let parts, _):
            var pieces: [String] = []
            for (i, p) in parts.enumerated() {
                switch p {
                case .literal(let t) where i == 0:
                    var prefix: String
                    switch kind {
                    case .absolute: prefix = t
                    case .relative: prefix = Paths.join(baseDirectory, t)
                    case .home: prefix = Paths.home() + String(t.dropFirst())
                    }
                    let keep = parts.count > 1 && t.hasSuffix("/") && t.count > 1
                    prefix = Paths.canonical(prefix)
                    if keep { prefix += "/" }
                    pieces.append(prefix)
                case .literal, .bytes: pieces.append(Shower.quoted(Shower.literalText(p)))
                case .interpolation(let x): pieces.append(show(x))
                }
            }
            return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " + ") + ")"
        case .searchPath(let name, _): return "(__findFile __nixPath \(Shower.quoted(name)))"
        case .uri(let u, _): return Shower.quoted(u)
        case .identifier(let n, _): return n
        case .list(let items, _): return "[ " + items.map { "(" + show($0) + ") " }.joined() + "]"
        case .attrs(let isRec, let bindings, let s):
            return showSet(bindings, isRec: isRec, span: s)
        case .legacyLet(let bindings, let s):
            return "(" + showSet(bindings, isRec: true, span: s) + ").body"
        case .select(let target, let path, let orDefault, _):
            var out = "(" + show(target) + ")." + showPath(path)
            if let d = orDefault { out += " or (" + show(d) + ")" }
            return out
        case .hasAttr(let target, let path, _):
            return "((" + show(target) + ") ? " + showPath(path) + ")"
        case .apply:
            var args: [Expr] = []
            var f = e
            while case .apply(let fn, let a, _) = f {
                args.append(a)
                f = fn
            }
            return "(" + show(f) + args.reversed().map { " " + show($0) }.joined() + ")"
        case .lambda(let l, _):
            var out = "("
            switch l.parameter {
            case .identifier(let n, _): out += n
            case .formals(let fs):
                out += "{ "
                out += fs.formals.map { f in f.defaultValue.map { f.name + " ? " + show($0) } ?? f.name }.joined(separator: ", ")
                if fs.hasEllipsis { out += fs.formals.isEmpty ? "..." : ", ..." }
                out += " }"
                if let b = fs.bindAs { out += " @ " + b.name }
            }
            return out + ": " + show(l.body) + ")"
        case .letIn(let bindings, let body, let s):
            guard let set = pending(bindings, isRec: true, span: s) else { return "(let in " + show(body) + ")" }
            var out = "(let "
            for (name, attr) in sortedStatics(set) {
                if case .inherited = attr.value { out += "inherit \(name); " } else { out += "\(name) = \(showValue(attr.value, name)); " }
            }
            return out + "in " + show(body) + ")"
        case .with(let a, let body, _): return "(with " + show(a) + "; " + show(body) + ")"
        case .assert(let c, let body, _): return "assert " + show(c) + "; " + show(body)
        case .ifThenElse(let c, let t, let f, _): return "(if " + show(c) + " then " + show(t) + " else " + show(f) + ")"
        case .unary(.not, let x, _): return "(! " + show(x) + ")"
        case .unary(.negate, let x, _): return "(__sub 0 " + show(x) + ")"
        case .binary(let op, let l, let r, _):
            let a = show(l), b = show(r)
            switch op {
            case .equal: return "(\(a) == \(b))"
            case .notEqual: return "(\(a) != \(b))"
            case .and: return "(\(a) && \(b))"
            case .or: return "(\(a) || \(b))"
            case .implication: return "(\(a) -> \(b))"
            case .update: return "(\(a) // \(b))"
            case .concat: return "(\(a) ++ \(b))"
            case .add: return "(\(a) + \(b))"
            case .subtract: return "(__sub \(a) \(b))"
            case .multiply: return "(__mul \(a) \(b))"
            case .divide: return "(__div \(a) \(b))"
            case .less: return "(__lessThan \(a) \(b))"
            case .greater: return "(__lessThan \(b) \(a))"
            case .lessOrEqual: return "(! (__lessThan \(b) \(a)))"
            case .greaterOrEqual: return "(! (__lessThan \(a) \(b)))"
            }
        case .currentPosition: return "__curPos"
        case .error: return ""
        }
    }

    mutating func showPath(_ path: [AttrName]) -> String {
        path.map { n -> String in
            switch n {
            case .name(let s, _): return AttrName.shown(s)
            case .bytes(let b, _): return AttrName.shown(bytes: b)
            case .dynamic(let x, _):
                if case .string(let parts, _) = x, !parts.contains(where: { if case .interpolation = $0 { return true }; return false }) {
                    return AttrName.shown(parts.map(Shower.literalText).joined())
                }
                return "\"${" + show(x) + "}\""
            }
        }.joined(separator: ".")
    }

    func pending(_ bindings: [Binding], isRec: Bool, span: Span) -> PendingSet? {
        let compiler = Compiler(ev: ev, file: span.file, baseDirectory: baseDirectory)
        let set = PendingSet(isRecursive: isRec, openSpan: span)
        do { try compiler.addBindings(bindings, to: set) } catch { return nil }
        return set
    }

    /// The static attributes in name order, each name as Nix shows it (quoted unless an identifier).
    func sortedStatics(_ set: PendingSet) -> [(String, PendingSet.Attr)] {
        set.statics.sorted { ev.symbols.nameString($0.key).nixLess(ev.symbols.nameString($1.key)) }
            .map { (ev.symbols.nameString($0.key).shownAsName, $0.value) }
    }

    mutating func showValue(_ v: PendingSet.Value, _ name: String) -> String {
        switch v {
        case .expr(let e): return show(e)
        case .nested(let set): return showPending(set)
        case .inherited(let n, _): return ev.symbols.nameString(n).shownAsName
        case .inheritFrom(let from, let n, _): return "(" + show(from) + ").\(ev.symbols.nameString(n).shownAsName)"
        }
    }

    mutating func showPending(_ set: PendingSet) -> String {
        var out = set.isRecursive ? "rec { " : "{ "
        for (name, attr) in sortedStatics(set) {
            if case .inherited = attr.value {
                out += "inherit \(name) ; "
            } else {
                out += "\(name) = \(showValue(attr.value, name)); "
            }
        }
        for d in set.dynamics {
            out += "\"${" + show(d.name) + "}\" = " + showValue(d.value, "") + "; "
        }
        return out + "}"
    }

    mutating func showSet(_ bindings: [Binding], isRec: Bool, span: Span) -> String {
        guard let set = pending(bindings, isRec: isRec, span: span) else { return "{ }" }
        return showPending(set)
    }
}
