// The runtime values of the Nix language. A `Value` may be an unevaluated
// `.thunk`; lists and attribute sets hold values that may still be thunks, so
// evaluated constants need no thunk allocation. Use `Evaluator.force` (or one
// of the typed `force…` helpers) before inspecting a value.

import NixSyntax

public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(NixString)
    /// An absolute, canonical path (no `.`/`..`, no trailing slash).
    case path(NixPath)
    case list(NixList)
    case attrs(Attrs)
    case lambda(Closure)
    /// A builtin function that still needs all `arity` arguments.
    case primop(PrimOp)
    /// A builtin applied to fewer arguments than its arity.
    case primopApp(PrimOpApp)
    /// A suspended computation; evaluated at most once.
    case thunk(Thunk)

    /// Nix's name of the value's type, as `builtins.typeOf` returns it.
    /// For a thunk it is "thunk": force first.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .path: return "path"
        case .list: return "list"
        case .attrs: return "set"
        case .lambda, .primop, .primopApp: return "lambda"
        case .thunk: return "thunk"
        }
    }

    /// The words Nix uses in "value is X while Y was expected" errors:
    /// "an integer", "a string", "a set", "a function", …
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a Boolean"
        case .int: return "an integer"
        case .float: return "a float"
        case .string: return "a string"
        case .path: return "a path"
        case .list: return "a list"
        case .attrs: return "a set"
        case .lambda: return "a function"
        case .primop(let op): return "the built-in function '\(op.name)'"
        case .primopApp(let app): return "the partially applied built-in function '\(app.op.name)'"
        case .thunk: return "a thunk"
        }
    }

    /// Convenience for builtins: a string value without context.
    public static func string(_ s: String) -> Value { .string(NixString(s)) }

    /// A list value of these elements.
    public static func list(_ elements: [Value]) -> Value { .list(NixList(elements)) }

    /// A path value from its (absolute, canonical) text.
    public static func path(_ s: String) -> Value { .path(NixPath(s)) }
}
