// Releasing a very deep tree without recursion. Swift frees a tree of indirect
// enums recursively, one stack frame per level, so dropping the last reference
// to a 100 000-long chain such as `a + a + … + a` (which nix accepts) overflows
// an 8 MB stack. `dismantle` takes such a tree apart with an explicit stack.
// It does not make other recursive consumers (printing, evaluation) safe.

extension Expr {
    /// Takes `expr` apart one node at a time and leaves `.error(.none)` in its
    /// place. Nodes still referenced elsewhere are only released, not freed.
    public static func dismantle(_ expr: inout Expr) {
        var stack: [Expr] = [expr]
        expr = .error(.none)
        while let node = stack.popLast() {
            // Children are pushed (retained) before `node` is released, so freeing
            // `node` never cascades into its subtree.
            switch node {
            case .int, .float, .searchPath, .uri, .identifier, .currentPosition, .error:
                break
            case .string(let parts, _), .path(_, let parts, _):
                push(parts, onto: &stack)
            case .list(let elements, _):
                stack.append(contentsOf: elements)
            case .attrs(_, let bindings, _), .legacyLet(let bindings, _):
                push(bindings, onto: &stack)
            case .select(let subject, let path, let orDefault, _):
                stack.append(subject)
                push(path, onto: &stack)
                if let orDefault { stack.append(orDefault) }
            case .hasAttr(let subject, let path, _):
                stack.append(subject)
                push(path, onto: &stack)
            case .apply(let a, let b, _), .with(let a, let b, _), .assert(let a, let b, _),
                 .binary(_, let a, let b, _):
                stack.append(a)
                stack.append(b)
            case .lambda(let lambda, _):
                stack.append(lambda.body)
                if case .formals(let formals) = lambda.parameter {
                    for formal in formals.formals {
                        if let value = formal.defaultValue { stack.append(value) }
                    }
                }
            case .letIn(let bindings, let body, _):
                push(bindings, onto: &stack)
                stack.append(body)
            case .ifThenElse(let c, let t, let f, _):
                stack.append(c)
                stack.append(t)
                stack.append(f)
            case .unary(_, let x, _):
                stack.append(x)
            }
        }
    }

    private static func push(_ parts: [StringPart], onto stack: inout [Expr]) {
        for case .interpolation(let e) in parts { stack.append(e) }
    }

    private static func push(_ path: [AttrName], onto stack: inout [Expr]) {
        for case .dynamic(let e, _) in path { stack.append(e) }
    }

    private static func push(_ bindings: [Binding], onto stack: inout [Expr]) {
        for binding in bindings {
            switch binding {
            case .attribute(let path, let value, _):
                push(path, onto: &stack)
                stack.append(value)
            case .inherit(let from, let names, _):
                if let from { stack.append(from) }
                push(names, onto: &stack)
            }
        }
    }
}
