// The tokens the lexer hands to the parser. A token is only a kind and a byte
// range: its text (identifier names, string pieces, numbers) is decoded by the
// parser from the source bytes when needed, so lexing allocates nothing per token.
// The names printed in diagnostics follow the ones nix-instantiate prints.

enum TokenKind: UInt8, Sendable {
    case eof, invalid
    case identifier
    case orKeyword, ifKeyword, thenKeyword, elseKeyword, assertKeyword, withKeyword
    case letKeyword, inKeyword, recKeyword, inheritKeyword
    case integer, float
    /// `"`, opening or closing a string.
    case quote
    /// A piece of a `"…"` string, still escaped.
    case stringText
    /// `${`
    case dollarCurly
    /// `''` (with the spaces and newline that may follow it), and the closing `''`.
    case indentedOpen, indentedClose
    /// A raw piece of an indented string.
    case indentedText
    /// `'''`, `''$` or `''\x` inside an indented string.
    case indentedEscape
    /// The first piece of a path literal (`./a`, `/x/`, `a/b`), or of a `~/…` path.
    case path, homePath
    /// A later literal piece of an interpolated path.
    case pathText
    /// Ends every path literal (empty span).
    case pathEnd
    /// Ends a path whose last piece ends with `/`: an error.
    case pathTrailingSlash
    case searchPath, uri
    case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
    case semicolon, colon, comma, dot, ellipsis, at, question, assign
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case and, or, implication, update, concat
    case plus, minus, star, slash, not

    /// The name nix-instantiate uses for this token in "unexpected …" messages.
    var displayName: String {
        switch self {
        case .eof: return "end of file"
        case .invalid: return "invalid token"
        case .identifier: return "ID"
        case .orKeyword: return "OR_KW"
        case .ifKeyword: return "IF"
        case .thenKeyword: return "THEN"
        case .elseKeyword: return "ELSE"
        case .assertKeyword: return "ASSERT"
        case .withKeyword: return "WITH"
        case .letKeyword: return "LET"
        case .inKeyword: return "IN"
        case .recKeyword: return "REC"
        case .inheritKeyword: return "INHERIT"
        case .integer: return "INT"
        case .float: return "FLOAT"
        case .quote: return "'\"'"
        case .stringText, .pathText: return "STR"
        case .dollarCurly: return "DOLLAR_CURLY"
        case .indentedOpen: return "IND_STRING_OPEN"
        case .indentedClose: return "IND_STRING_CLOSE"
        case .indentedText, .indentedEscape: return "IND_STR"
        case .path: return "PATH"
        case .homePath: return "HPATH"
        case .pathEnd, .pathTrailingSlash: return "PATH_END"
        case .searchPath: return "SPATH"
        case .uri: return "URI"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .semicolon: return "';'"
        case .colon: return "':'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .ellipsis: return "ELLIPSIS"
        case .at: return "'@'"
        case .question: return "'?'"
        case .assign: return "'='"
        case .equal: return "EQ"
        case .notEqual: return "NEQ"
        case .less: return "'<'"
        case .lessOrEqual: return "LEQ"
        case .greater: return "'>'"
        case .greaterOrEqual: return "GEQ"
        case .and: return "AND"
        case .or: return "OR"
        case .implication: return "IMPL"
        case .update: return "UPDATE"
        case .concat: return "CONCAT"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .not: return "'!'"
        }
    }
}

/// One token: its kind and the byte range `[start, end)` it covers.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int32
    var end: Int32

    init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }
}
