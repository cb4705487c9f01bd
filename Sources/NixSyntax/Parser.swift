// Entry point of the parser: source text in, a tree and its diagnostics out.
// The parser recovers from errors (so that all of them are reported at once)
// and caps nesting depth instead of overflowing the stack.

public struct ParseResult: Sendable {
    /// The tree; it contains `.error` nodes where the parser recovered.
    public let expr: Expr
    /// Empty when the text is a valid expression.
    public let diagnostics: [Diagnostic]
}

public enum Parser {
    /// Maximum nesting depth of expressions before parsing stops with a diagnostic.
    public static let maxDepth = 512

    /// Parses the file `file` of `sourceMap`.
    public static func parse(_ sourceMap: SourceMap, file: FileID) -> ParseResult {
        // Placeholder until the lexer and parser land.
        let span = Span(file: file, start: 0, end: 0)
        return ParseResult(expr: .error(span), diagnostics: [Diagnostic("parser not yet implemented", at: span)])
    }
}
