// Turns the UTF-8 bytes of one file into tokens, following the lexical rules of
// Nix 2.8: at each position the longest match wins, and ties go to the rule
// nix lists first (keywords before identifiers, identifiers before paths…).
// Strings, indented strings and interpolated paths are lexed with a stack of
// modes, as nix's lexer does, so the whole file can be tokenized up front: the
// token stream never depends on what the parser decides.
// It does not decode anything (escapes, numbers, indentation): the parser does.

enum LexerMode {
    case normal, string, indentedString, inPath, inPathAfterSlash
}

struct Lexer {
    let text: [UInt8]
    var position = 0
    var modes: [LexerMode] = [.normal]
    var tokens: [Token] = []
    /// Start of the last token or run of whitespace or comment: nix reports
    /// "unexpected end of file" there.
    var lastLexemeStart = 0 {
        didSet { previousLexemeStart = oldValue }
    }
    /// Start of the lexeme before that one: nix places the end of a path that
    /// ends the text there (its lexer restores the previous location).
    var previousLexemeStart = 0
    /// Caches of the last run of path characters and of URI scheme characters.
    var pathRun = 0..<0
    var schemeRun = 0..<0
    /// No `*/` closes a comment at or after this offset.
    var unclosedCommentFrom = Int.max

    init(text: [UInt8]) {
        self.text = text
        tokens.reserveCapacity(text.count / 4 + 16)
    }

    /// Tokenizes the whole text; the last token is always `.eof`.
    static func tokenize(_ text: [UInt8]) -> [Token] {
        var lexer = Lexer(text: text)
        lexer.run()
        return lexer.tokens
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 {
        i < text.count ? text[i] : 0
    }

    @inline(__always) func hasByte(_ i: Int) -> Bool { i < text.count }

    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind, start, end))
        lastLexemeStart = start
        position = end
    }

    mutating func run() {
        while true {
            switch modes.last ?? .normal {
            case .normal:
                if !lexNormal() { emitEndOfFile(); return }
            case .string:
                if !lexString() { emitEndOfFile(); return }
            case .indentedString:
                if !lexIndentedString() { emitEndOfFile(); return }
            case .inPath, .inPathAfterSlash:
                lexInPath()
            }
        }
    }

    mutating func emitEndOfFile() {
        tokens.append(Token(.eof, lastLexemeStart, text.count))
    }

    mutating func push(_ mode: LexerMode) { modes.append(mode) }

    mutating func pop() {
        // A stray `}` at the outermost level leaves the lexer in normal mode.
        if modes.count > 1 { modes.removeLast() }
    }

    mutating func setTop(_ mode: LexerMode) {
        if modes.isEmpty { modes.append(mode) } else { modes[modes.count - 1] = mode }
    }

    // MARK: - Strings

    /// Lexes inside `"…"`. Returns false at the end of the text.
    mutating func lexString() -> Bool {
        let start = position
        guard hasByte(start) else { return false }
        let c = text[start]
        if c == UInt8(ascii: "\"") {
            emit(.quote, start, start + 1)
            pop()
            return true
        }
        if c == UInt8(ascii: "$") && byte(start + 1) == UInt8(ascii: "{") {
            emit(.dollarCurly, start, start + 2)
            push(.normal)
            return true
        }
        // A run of text made of: any byte but `"`, `\` and `$`; `\x` pairs; `$`
        // followed by anything but `{` (the pair is taken together, so `$${` is
        // literal text); and a `$` right before the closing `"`. A `\`, `$` or
        // `$\` cut off by the end of the text is a piece of its own, as in nix.
        var i = start
        while i < text.count {
            let b = text[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                guard hasByte(i + 1) else { break }
                i += 2
                continue
            }
            if b == UInt8(ascii: "$") {
                guard hasByte(i + 1) else { break }
                let next = text[i + 1]
                if next == UInt8(ascii: "{") { break }
                if next == UInt8(ascii: "\"") { i += 1; break }
                if next == UInt8(ascii: "\\") {
                    guard hasByte(i + 2) else { break }
                    i += 3
                    continue
                }
                i += 2
                continue
            }
            i += 1
        }
        if i == start {
            // Only a cut-off `\`, `$` or `$\` can be left here.
            i = byte(start) == UInt8(ascii: "$") && byte(start + 1) == UInt8(ascii: "\\") && hasByte(start + 1) ? start + 2 : start + 1
        }
        emit(.stringText, start, i)
        return true
    }

    /// Lexes inside `''…''`. Returns false at the end of the text.
    mutating func lexIndentedString() -> Bool {
        let start = position
        guard hasByte(start) else { return false }
        let c = text[start]
        let q = UInt8(ascii: "'"), dollar = UInt8(ascii: "$")
        if c == q && byte(start + 1) == q && hasByte(start + 1) {
            let third = byte(start + 2)
            if hasByte(start + 2) && third == q {
                emit(.indentedEscape, start, start + 3)
            } else if hasByte(start + 2) && third == dollar {
                emit(.indentedEscape, start, start + 3)
            } else if hasByte(start + 2) && third == UInt8(ascii: "\\") && hasByte(start + 3) {
                emit(.indentedEscape, start, start + 4)
            } else {
                emit(.indentedClose, start, start + 2)
                pop()
            }
            return true
        }
        if c == dollar && byte(start + 1) == UInt8(ascii: "{") && hasByte(start + 1) {
            emit(.dollarCurly, start, start + 2)
            push(.normal)
            return true
        }
        // A run of text: any byte but `$` and `'`; `$` followed by anything but `{`
        // or `'`; `'` followed by anything but `'` or `$`. A lone `$` or `'` that
        // cannot start a pair is a piece of its own.
        var i = start
        while i < text.count {
            let b = text[i]
            if b == dollar || b == q {
                guard hasByte(i + 1) else { break }
                let next = text[i + 1]
                if b == dollar && (next == UInt8(ascii: "{") || next == q) { break }
                if b == q && (next == q || next == dollar) { break }
                i += 2
                continue
            }
            i += 1
        }
        if i == start { i = start + 1 }
        emit(.indentedText, start, i)
        return true
    }

    // MARK: - Paths

    /// Lexes after the first piece of a path: more pieces, `${`, or the end.
    mutating func lexInPath() {
        let start = position
        let afterSlash = modes.last == .inPathAfterSlash
        if byte(start) == UInt8(ascii: "$") && byte(start + 1) == UInt8(ascii: "{") && hasByte(start + 1) {
            emit(.dollarCurly, start, start + 2)
            setTop(.inPath)
            push(.normal)
            return
        }
        let length = pathBodyLength(from: start)
        if length > 0 {
            emit(.pathText, start, start + length)
            setTop(text[start + length - 1] == UInt8(ascii: "/") ? .inPathAfterSlash : .inPath)
            return
        }
        pop()
        if afterSlash {
            // nix reports the trailing slash at the byte that follows it, or at the
            // path's last piece when the text ends there.
            let previous = tokens.last.map { (Int($0.start), Int($0.end)) } ?? (start, start)
            if hasByte(start) {
                tokens.append(Token(.pathTrailingSlash, start, start + 1))
            } else {
                tokens.append(Token(.pathTrailingSlash, previous.0, previous.1))
            }
        } else if hasByte(start) {
            // nix gives the end of a path the location of the path's last piece.
            tokens.append(Token(.pathEnd, lastLexemeStart, lastLexemeStart))
        } else {
            // …or, at the end of the text, of the lexeme before that piece, where
            // "unexpected end of file" is then reported too.
            let location = previousLexemeStart
            tokens.append(Token(.pathEnd, location, location))
            lastLexemeStart = location
        }
    }
}

// MARK: - Character classes

@inline(__always) func isPathChar(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"):
        return true
    default:
        return false
    }
}

@inline(__always) func isIdentifierStart(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
        return true
    default:
        return false
    }
}

@inline(__always) func isIdentifierChar(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "_"), UInt8(ascii: "'"), UInt8(ascii: "-"):
        return true
    default:
        return false
    }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool {
    b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
}

@inline(__always) func isLetter(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
}

@inline(__always) func isURIChar(_ b: UInt8) -> Bool {
    if isLetter(b) || isDigit(b) { return true }
    switch b {
    case UInt8(ascii: "%"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "@"),
         UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","),
         UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
         UInt8(ascii: "*"), UInt8(ascii: "'"):
        return true
    default:
        return false
    }
}
