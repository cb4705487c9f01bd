// nix-instantiate's selection of results: `-A a.b.0` walks sets by name and
// lists by index (auto-calling functions on the way), and a function at the
// top is called with the `--arg`/`--argstr` values when any are given.

import NixSyntax

extension Evaluator {
    /// Splits an attribute path on dots; double quotes protect dots inside a name.
    static func parseAttrPath(_ path: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for c in path {
            if c == "\"" { quoted.toggle(); continue }
            if c == "." && !quoted {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The value at `-A path` in `root`.
    func select(path: String, in root: Value, autoArgs: Attrs) throws -> Value {
        var v = root
        for token in Evaluator.parseAttrPath(path) {
            v = try force(try autoCall(v, autoArgs), at: .none)
            if let index = UInt32(token) {
                guard case .list(let items) = v else {
                    throw EvalError("the expression selected by the selection path '\(path)' should be a list but is \(v.typeDescription)", at: .none)
                }
                guard Int(index) < items.count else {
                    throw EvalError("list index \(index) in selection path '\(path)' is out of range", at: .none)
                }
                v = items[Int(index)]
            } else {
                guard case .attrs(let attrs) = v else {
                    throw EvalError("the expression selected by the selection path '\(path)' should be a set but is \(v.typeDescription)", at: .none)
                }
                if token.isEmpty { throw EvalError("empty attribute name in selection path '\(path)'", at: .none) }
                guard let next = attrs[symbols.intern(token)] else {
                    var e = EvalError("attribute '\(token)' in selection path '\(path)' not found", at: .none)
                    e.suggestions = Suggestions.best(attrs.entries.map { symbols.name($0.name) }, for: token)
                    throw e
                }
                v = next
            }
        }
        return try force(v, at: .none)
    }

    /// Calls a function with formals using the automatic arguments (and
    /// `__functor` sets through their functor); anything else is returned as is.
    func autoCall(_ value: Value, _ args: Attrs) throws -> Value {
        let f = try force(value, at: .none)
        if case .attrs(let attrs) = f, let functor = attrs[sFunctor] {
            let v = try call(try force(functor, at: .none), f, at: .none)
            return try autoCall(v, args)
        }
        guard case .lambda(let closure) = f, case .formals(let formals, let ellipsis, _) = closure.code.parameter else {
            return f
        }
        var passed: [Attr] = []
        if ellipsis {
            passed = Array(args.entries)
        } else {
            for formal in formals {
                if let v = args[formal.name] {
                    passed.append(Attr(name: formal.name, value: v))
                } else if formal.defaultValue == nil {
                    throw EvalError("""
                        cannot evaluate a function that has an argument without a value ('\(symbols.name(formal.name))')

                        Nix attempted to evaluate a function as a top level expression; in
                        this case it must have its arguments supplied either by default
                        values, or passed explicitly with '--arg' or '--argstr'. See
                        https://nixos.org/manual/nix/stable/#ss-functions.
                        """, at: formal.span)
                }
            }
        }
        return try callLambda(closure, .attrs(Attrs(unsorted: passed)), at: .none)
    }
}
