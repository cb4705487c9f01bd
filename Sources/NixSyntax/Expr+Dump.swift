// A compact, S-expression-like rendering of a tree, for tests and for debugging
// the parser: operators and keywords lead their parenthesized operands, and
// application is `(f x)`. Spans are not shown. Rendering stops descending past a
// fixed depth (printing `…`), so that a deep tree cannot overflow the stack here.

extension Expr: CustomDebugStringConvertible {
    public var debugDescription: String {
        var out = ""
        Expr.render(self, into: &out, depth: 0)
        return out
    }

    static let renderDepthLimit = 1_000

    static func render(_ e: Expr, into out: inout String, depth: Int) {
        guard depth < renderDepthLimit else { out += "…"; return }
        let d = depth + 1
        func sub(_ x: Expr) { render(x, into: &out, depth: d) }
        switch e {
        case .int(let n, _):
            out += String(n)
        case .float(let x, _):
            out += String(x)
        case .string(let parts, _):
            if parts.isEmpty { out += "\"\"" }
            else if parts.count == 1, case .literal(let s) = parts[0] { out += quoted(s) }
            else { out += "(str"; renderParts(parts, into: &out, depth: d); out += ")" }
        case .path(let kind, let parts, _):
            let name: String
            switch kind {
            case .absolute: name = "abs"
            case .relative: name = "rel"
            case .home: name = "home"
            }
            out += "(path:\(name)"
            renderParts(parts, into: &out, depth: d)
            out += ")"
        case .searchPath(let p, _):
            out += "<\(p)>"
        case .uri(let u, _):
            out += "(uri \(quoted(u)))"
        case .identifier(let name, _):
            out += name
        case .list(let elements, _):
            out += "["
            for (i, x) in elements.enumerated() { if i > 0 { out += " " }; sub(x) }
            out += "]"
        case .attrs(let isRecursive, let bindings, _):
            if isRecursive { out += "rec " }
            renderBindings(bindings, into: &out, depth: d)
        case .legacyLet(let bindings, _):
            out += "(let "
            renderBindings(bindings, into: &out, depth: d)
            out += ")"
        case .select(let subject, let path, let orDefault, _):
            out += "(. "
            sub(subject)
            out += " " + pathText(path, depth: d)
            if let orDefault { out += " or "; sub(orDefault) }
            out += ")"
        case .hasAttr(let subject, let path, _):
            out += "(? "
            sub(subject)
            out += " " + pathText(path, depth: d) + ")"
        case .apply(let f, let x, _):
            out += "("; sub(f); out += " "; sub(x); out += ")"
        case .lambda(let lambda, _):
            out += "(fn "
            switch lambda.parameter {
            case .identifier(let name, _):
                out += name
            case .formals(let formals):
                out += "{"
                var items: [String] = []
                for formal in formals.formals {
                    var item = formal.name
                    if let value = formal.defaultValue {
                        var rendered = ""
                        render(value, into: &rendered, depth: d)
                        item += " ? " + rendered
                    }
                    items.append(item)
                }
                if formals.hasEllipsis { items.append("...") }
                out += items.joined(separator: ", ") + "}"
                if let bindAs = formals.bindAs { out += "@" + bindAs.name }
            }
            out += " "
            sub(lambda.body)
            out += ")"
        case .letIn(let bindings, let body, _):
            out += "(let "
            renderBindings(bindings, into: &out, depth: d)
            out += " "
            sub(body)
            out += ")"
        case .with(let scope, let body, _):
            out += "(with "; sub(scope); out += " "; sub(body); out += ")"
        case .assert(let condition, let body, _):
            out += "(assert "; sub(condition); out += " "; sub(body); out += ")"
        case .ifThenElse(let c, let t, let f, _):
            out += "(if "; sub(c); out += " "; sub(t); out += " "; sub(f); out += ")"
        case .unary(let op, let x, _):
            out += op == .not ? "(! " : "(neg "
            sub(x)
            out += ")"
        case .binary(let op, let l, let r, _):
            out += "(" + symbol(op) + " "
            sub(l); out += " "; sub(r)
            out += ")"
        case .currentPosition:
            out += "__curPos"
        case .error:
            out += "<error>"
        }
    }

    static func renderParts(_ parts: [StringPart], into out: inout String, depth: Int) {
        for part in parts {
            out += " "
            switch part {
            case .literal(let s): out += quoted(s)
            case .bytes(let b): out += quoted(ExactRendering.text(of: b))
            case .interpolation(let x): render(x, into: &out, depth: depth)
            }
        }
    }

    static func renderBindings(_ bindings: [Binding], into out: inout String, depth: Int) {
        out += "{"
        for (i, binding) in bindings.enumerated() {
            if i > 0 { out += " " }
            switch binding {
            case .attribute(let path, let value, _):
                out += pathText(path, depth: depth) + " = "
                render(value, into: &out, depth: depth)
                out += ";"
            case .inherit(let from, let names, _):
                out += "inherit"
                if let from { out += " ("; render(from, into: &out, depth: depth); out += ")" }
                if !names.isEmpty { out += " " + pathText(names, separator: " ", depth: depth) }
                out += ";"
            }
        }
        out += "}"
    }

    static func pathText(_ path: [AttrName], separator: String = ".", depth: Int) -> String {
        path.map { name -> String in
            switch name {
            case .name(let n, _):
                return isPlainName(n) ? n : quoted(n)
            case .bytes(let b, _):
                return quoted(ExactRendering.text(of: b))
            case .dynamic(let x, _):
                var rendered = ""
                render(x, into: &rendered, depth: depth)
                return "${" + rendered + "}"
            }
        }.joined(separator: separator)
    }

    static func isPlainName(_ n: String) -> Bool {
        guard let first = n.utf8.first, isIdentifierStart(first) else { return false }
        return n.utf8.allSatisfy(isIdentifierChar)
    }

    /// A string in a dump: quoted as nix quotes names, `$` as it is.
    static func quoted(_ s: String) -> String { AttrName.quoted(s, escapingDollar: false) }

    static func symbol(_ op: BinaryOperator) -> String {
        switch op {
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .and: return "&&"
        case .or: return "||"
        case .implication: return "->"
        case .update: return "//"
        case .concat: return "++"
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        }
    }
}
