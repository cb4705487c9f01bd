// The syntax tree of a Nix expression, exactly as written: every node keeps
// its span. Desugaring (nested attribute paths into nested sets, `or`,
// operators into builtins calls) is the evaluator's business, not the parser's;
// the parser only strips indented strings and decodes escapes.

/// A parsed expression.
public indirect enum Expr: Sendable {
    case int(Int, Span)
    case float(Double, Span)
    /// A string (plain or indented, already unindented and unescaped).
    case string([StringPart], Span)
    /// A path literal. `parts` holds the text as written (`./a/${b}`, `~/x`,
    /// `/abs`), literal pieces not yet resolved against the file's directory.
    case path(PathKind, [StringPart], Span)
    /// `<nixpkgs/lib>`: the text between the angle brackets.
    case searchPath(String, Span)
    /// An unquoted URI such as `https://example.org/x`, which evaluates to a string.
    case uri(String, Span)
    case identifier(String, Span)
    case list([Expr], Span)
    /// `{ ... }` or `rec { ... }`.
    case attrs(isRecursive: Bool, [Binding], Span)
    /// `let { ...; body = ...; }`, the old form whose value is the `body` attribute.
    case legacyLet([Binding], Span)
    /// `e.a.b` or `e.a.b or d`.
    case select(Expr, [AttrName], orDefault: Expr?, Span)
    /// `e ? a.b`.
    case hasAttr(Expr, [AttrName], Span)
    /// `f x`: the span covers the whole application.
    case apply(Expr, Expr, Span)
    case lambda(Lambda, Span)
    case letIn([Binding], Expr, Span)
    case with(Expr, Expr, Span)
    case assert(Expr, Expr, Span)
    case ifThenElse(Expr, Expr, Expr, Span)
    case unary(UnaryOperator, Expr, Span)
    /// The span of a binary operation is the operator's own; the whole
    /// expression is `lhs.span.to(rhs.span)`.
    case binary(BinaryOperator, Expr, Expr, Span)
    /// `__curPos`.
    case currentPosition(Span)
    /// Where the parser recovered from an error. Never evaluated: a tree that
    /// contains one is returned together with at least one diagnostic.
    case error(Span)

    /// The span of the node.
    public var span: Span {
        switch self {
        case .int(_, let s), .float(_, let s), .string(_, let s), .path(_, _, let s),
             .searchPath(_, let s), .uri(_, let s), .identifier(_, let s), .list(_, let s),
             .attrs(_, _, let s), .legacyLet(_, let s), .select(_, _, _, let s),
             .hasAttr(_, _, let s), .apply(_, _, let s), .lambda(_, let s), .letIn(_, _, let s),
             .with(_, _, let s), .assert(_, _, let s), .ifThenElse(_, _, _, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .currentPosition(let s), .error(let s):
            return s
        }
    }
}

public enum StringPart: Sendable {
    case literal(String)
    /// Literal text that is not valid UTF-8 (a Latin-1 source file): its
    /// exact bytes. Rare; valid text is always `literal`.
    case bytes([UInt8])
    case interpolation(Expr)
}

public enum PathKind: Sendable {
    /// `/a/b`
    case absolute
    /// `./a`, `../a`, `a/b`: relative to the directory of the file it is written in.
    case relative
    /// `~/a`
    case home
}

/// One element of an attribute path.
public enum AttrName: Sendable {
    /// `a` or `"a"` (a string without interpolation).
    case name(String, Span)
    /// `"…"` without interpolation whose text is not valid UTF-8: its exact bytes.
    case bytes([UInt8], Span)
    /// `${e}` or `"…${e}…"`: the expression evaluates to the name (or null, which drops the binding).
    case dynamic(Expr, Span)

    public var span: Span {
        switch self {
        case .name(_, let s), .bytes(_, let s), .dynamic(_, let s): return s
        }
    }
}

extension AttrName {
    /// A name as nix shows it in messages and attribute paths: as it is when
    /// it reads as an identifier, otherwise quoted. Of the keywords nix 2.8
    /// quotes `if` alone (`'let'`, `'or'`, `'rec'` stay bare).
    public static func shown(_ name: String) -> String {
        if Expr.isPlainName(name) && name != "if" { return name }
        return quoted(name)
    }

    /// `"…"` with `"`, `\`, newline, return, tab and (unless told not to)
    /// `$` escaped, as nix quotes names in messages.
    public static func quoted(_ name: String, escapingDollar: Bool = true) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "$": out += escapingDollar ? "\\$" : "$"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A name that is not UTF-8, as nix shows it: always quoted (rendered
    /// with ExactRendering, so a message keeps its bytes).
    public static func shown(bytes: [UInt8]) -> String { quoted(ExactRendering.text(of: bytes)) }
}

public enum Binding: Sendable {
    /// `a.b.c = value;` (`path` is never empty).
    case attribute(path: [AttrName], value: Expr, span: Span)
    /// `inherit a b;` or `inherit (from) a b;` (names may be strings: `inherit "a";`).
    case inherit(from: Expr?, names: [AttrName], span: Span)
}

public struct Lambda: Sendable {
    public enum Parameter: Sendable {
        /// `x: body`
        case identifier(String, Span)
        /// `{ a, b ? d, ... }: body`, optionally with `@name` before or after.
        case formals(Formals)
    }
    public var parameter: Parameter
    public var body: Expr
    public init(parameter: Parameter, body: Expr) {
        self.parameter = parameter
        self.body = body
    }
}

public struct Formals: Sendable {
    public struct Formal: Sendable {
        public var name: String
        public var defaultValue: Expr?
        public var span: Span
        public init(name: String, defaultValue: Expr?, span: Span) {
            self.name = name
            self.defaultValue = defaultValue
            self.span = span
        }
    }
    /// In source order.
    public var formals: [Formal]
    public var hasEllipsis: Bool
    /// The `args` of `args@{…}` or `{…}@args`.
    public var bindAs: (name: String, span: Span)?
    public init(formals: [Formal], hasEllipsis: Bool, bindAs: (name: String, span: Span)?) {
        self.formals = formals
        self.hasEllipsis = hasEllipsis
        self.bindAs = bindAs
    }
}

public enum UnaryOperator: Sendable {
    /// `!e`
    case not
    /// `-e`
    case negate
}

public enum BinaryOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case and, or, implication
    /// `//`
    case update
    /// `++`
    case concat
    case add, subtract, multiply, divide
}
