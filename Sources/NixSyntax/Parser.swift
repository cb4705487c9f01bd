// Entry point of the parser: source text in, a tree and its diagnostics out.
// The parser recovers from errors (so that all of them are reported at once)
// and caps nesting depth instead of overflowing the stack.

public struct ParseResult: Sendable {
    /// The tree; it contains `.error` nodes where the parser recovered.
    public var expr: Expr
    /// Empty when the text is a valid expression.
    public let diagnostics: [Diagnostic]
}

public enum Parser {
    /// Maximum nesting depth of expressions before parsing stops with a diagnostic.
    public static let maxDepth = 512

    /// Parses the file `file` of `sourceMap`.
    public static func parse(_ sourceMap: SourceMap, file: FileID) -> ParseResult {
        var parser = SyntaxParser(sourceMap: sourceMap, file: file)
        let expr = parser.parseExpression()
        if parser.kind != .eof {
            parser.unexpected(expecting: "end of file")
        }
        return ParseResult(expr: expr, diagnostics: parser.diagnostics)
    }

    /// Parses a text registered under `name` in a fresh source map (for tests and tools).
    public static func parse(_ text: String, name: String = "«string»") -> (ParseResult, SourceMap) {
        let map = SourceMap()
        let id = map.add(name: name, text: text, isFile: false)
        return (parse(map, file: id), map)
    }
}
