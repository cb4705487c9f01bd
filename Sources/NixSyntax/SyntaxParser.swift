// The state of one parse: the token stream, the position in it, the nesting
// depth and the diagnostics found so far, with the helpers every grammar rule
// uses (looking ahead, expecting a token, reporting an error, recovering).
// The grammar itself lives in the `SyntaxParser+…` files.

struct SyntaxParser {
    let text: [UInt8]
    let file: FileID
    let sourceMap: SourceMap
    let tokens: [Token]
    var index = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// Set when nesting went beyond `Parser.maxDepth`: the parser then skips to the
    /// end of the file and reports nothing more.
    var abandoned = false
    /// The token at which the last syntax error was found (reported or not). An
    /// error within a few tokens of the previous one is usually the same mistake
    /// seen again by an enclosing rule, and is not reported (as bison does).
    var lastErrorIndex = -100
    /// Static names declared by each attribute set literal, by the offset of its
    /// start, to detect duplicate attributes across merged sets as nix does.
    var declaredNames: [Int32: DeclaredNames] = [:]

    static let maximumDiagnostics = 100

    init(sourceMap: SourceMap, file: FileID) {
        self.sourceMap = sourceMap
        self.file = file
        self.text = sourceMap.file(file)?.text ?? []
        self.tokens = Lexer.tokenize(text)
    }

    // MARK: - Tokens

    @inline(__always) var current: Token { tokens[index] }
    @inline(__always) var kind: TokenKind { tokens[index].kind }

    @inline(__always) func peek(_ offset: Int) -> TokenKind {
        let i = index + offset
        return i < tokens.count ? tokens[i].kind : .eof
    }

    @inline(__always) mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    @inline(__always) func span(_ token: Token) -> Span {
        Span(file: file, start: token.start, end: token.end)
    }

    var currentSpan: Span { span(current) }

    /// The span from the start of `first` to the end of `last`.
    @inline(__always) func join(_ first: Span, _ last: Span) -> Span {
        Span(file: file, start: first.start, end: max(first.end, last.end))
    }

    /// The end of the previous token, for spans of constructs that end there.
    var previousEnd: Int32 { index > 0 ? tokens[index - 1].end : 0 }

    func tokenText(_ token: Token) -> String {
        let start = Int(token.start), end = Int(token.end)
        guard start >= 0, end <= text.count, start <= end else { return "" }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    // MARK: - Diagnostics

    /// Reports a syntax error found at token `tokenIndex` (by default the current one).
    mutating func report(_ message: String, at span: Span, tokenIndex: Int? = nil) {
        guard !abandoned, diagnostics.count < Self.maximumDiagnostics else { return }
        let at = tokenIndex ?? index
        let isEcho = at >= lastErrorIndex && at - lastErrorIndex < 3
        lastErrorIndex = at
        if isEcho { return }
        diagnostics.append(Diagnostic(message, at: span))
    }

    /// Reports a semantic error (duplicate attribute, dynamic attribute in `let`…):
    /// these are never suppressed as echoes of a syntax error.
    mutating func reportSemantic(_ message: String, at span: Span) {
        guard !abandoned, diagnostics.count < Self.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(message, at: span))
    }

    /// "syntax error, unexpected X[, expecting Y]" at the current token.
    mutating func unexpected(expecting: String? = nil) {
        var message = "syntax error, unexpected \(kind.displayName)"
        if let expecting { message += ", expecting \(expecting)" }
        report(message, at: currentSpan)
    }

    /// Consumes a token of kind `expected`, or reports that it is missing.
    @discardableResult
    mutating func expect(_ expected: TokenKind, _ description: String) -> Bool {
        if kind == expected {
            advance()
            return true
        }
        unexpected(expecting: description)
        return false
    }

    /// An error node at the current token, consuming it unless an enclosing rule
    /// may want it (a closing bracket, `;`, a keyword that continues a construct).
    mutating func errorNode(consume: Bool) -> Expr {
        let s = currentSpan
        if consume && !isCloser(kind) { advance() }
        return .error(s)
    }

    func isCloser(_ k: TokenKind) -> Bool {
        switch k {
        case .eof, .rightBrace, .rightBracket, .rightParen, .semicolon, .inKeyword, .thenKeyword,
             .elseKeyword, .quote, .indentedClose, .pathEnd, .pathTrailingSlash, .comma, .colon:
            return true
        default:
            return false
        }
    }

    /// Skips tokens after an error in a list of bindings: up to and including the
    /// next `;`, or up to (not including) a token in `stops` that closes the
    /// enclosing construct. Brackets opened while skipping are skipped whole.
    mutating func skipBinding(stops: Set<TokenKind>) {
        var nesting = 0
        while kind != .eof {
            switch kind {
            case .leftBrace, .leftParen, .leftBracket, .dollarCurly:
                nesting += 1
            case .rightBrace:
                if nesting == 0 { return }
                nesting -= 1
            case .rightParen, .rightBracket:
                // A stray one at this level is skipped like any other token.
                if nesting > 0 { nesting -= 1 }
            case .semicolon where nesting == 0:
                advance()
                return
            default:
                if nesting == 0 && stops.contains(kind) { return }
            }
            advance()
        }
    }

    // MARK: - Depth

    /// Enters one level of nesting; false (after reporting) when too deep, in which
    /// case the parser has given up and sits at the end of the file.
    mutating func enter() -> Bool {
        if depth >= Parser.maxDepth {
            giveUpTooDeep()
            return false
        }
        depth += 1
        return true
    }

    mutating func giveUpTooDeep() {
        if !abandoned {
            reportSemantic("expression nested too deeply (more than \(Parser.maxDepth) levels)", at: currentSpan)
            abandoned = true
        }
        index = tokens.count - 1
    }
}
