// The lexer outside strings: trivia, punctuation, identifiers and keywords,
// numbers, and the path-like tokens (paths, `~/` paths, `<search/paths>`, URIs),
// which compete by longest match exactly as in nix's lexer.

extension Lexer {
    /// Lexes one token (after trivia). Returns false at the end of the text.
    mutating func lexNormal() -> Bool {
        skipTrivia()
        let start = position
        guard hasByte(start) else { return false }
        let c = text[start]
        let next = byte(start + 1)
        let hasNext = hasByte(start + 1)

        switch c {
        case UInt8(ascii: "\""):
            emit(.quote, start, start + 1)
            push(.string)
            return true
        case UInt8(ascii: "'"):
            if next == UInt8(ascii: "'") && hasNext {
                // `''` swallows spaces and one newline that directly follow it.
                var end = start + 2
                while byte(end) == UInt8(ascii: " ") && hasByte(end) { end += 1 }
                if byte(end) == UInt8(ascii: "\n") && hasByte(end) { end += 1 } else { end = start + 2 }
                emit(.indentedOpen, start, end)
                push(.indentedString)
            } else {
                emit(.invalid, start, start + 1)
            }
            return true
        case UInt8(ascii: "$"):
            if next == UInt8(ascii: "{") && hasNext {
                emit(.dollarCurly, start, start + 2)
                push(.normal)
            } else {
                emit(.invalid, start, start + 1)
            }
            return true
        case UInt8(ascii: "{"):
            emit(.leftBrace, start, start + 1)
            push(.normal)
            return true
        case UInt8(ascii: "}"):
            emit(.rightBrace, start, start + 1)
            pop()
            return true
        case UInt8(ascii: "["): emit(.leftBracket, start, start + 1); return true
        case UInt8(ascii: "]"): emit(.rightBracket, start, start + 1); return true
        case UInt8(ascii: "("): emit(.leftParen, start, start + 1); return true
        case UInt8(ascii: ")"): emit(.rightParen, start, start + 1); return true
        case UInt8(ascii: ";"): emit(.semicolon, start, start + 1); return true
        case UInt8(ascii: ":"): emit(.colon, start, start + 1); return true
        case UInt8(ascii: ","): emit(.comma, start, start + 1); return true
        case UInt8(ascii: "@"): emit(.at, start, start + 1); return true
        case UInt8(ascii: "?"): emit(.question, start, start + 1); return true
        case UInt8(ascii: "*"): emit(.star, start, start + 1); return true
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") { emit(.equal, start, start + 2) } else { emit(.assign, start, start + 1) }
            return true
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { emit(.notEqual, start, start + 2) } else { emit(.not, start, start + 1) }
            return true
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { emit(.greaterOrEqual, start, start + 2) } else { emit(.greater, start, start + 1) }
            return true
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { emit(.and, start, start + 2) } else { emit(.invalid, start, start + 1) }
            return true
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { emit(.or, start, start + 2) } else { emit(.invalid, start, start + 1) }
            return true
        case UInt8(ascii: "<"):
            let spath = searchPathLength(from: start)
            if spath > 0 {
                emit(.searchPath, start, start + spath)
            } else if next == UInt8(ascii: "=") {
                emit(.lessOrEqual, start, start + 2)
            } else {
                emit(.less, start, start + 1)
            }
            return true
        case UInt8(ascii: "~"):
            lexHomePath(start)
            return true
        default:
            lexWordLike(start)
            return true
        }
    }

    /// Whitespace, `#` comments and `/* */` comments. Each run counts as a lexeme
    /// for the position of "unexpected end of file".
    mutating func skipTrivia() {
        while hasByte(position) {
            let c = text[position]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                lastLexemeStart = position
                while hasByte(position) {
                    let d = text[position]
                    guard d == UInt8(ascii: " ") || d == UInt8(ascii: "\t") || d == UInt8(ascii: "\n") || d == UInt8(ascii: "\r") else { break }
                    position += 1
                }
            } else if c == UInt8(ascii: "#") {
                lastLexemeStart = position
                while hasByte(position) && text[position] != UInt8(ascii: "\n") && text[position] != UInt8(ascii: "\r") {
                    position += 1
                }
            } else if c == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: "*") {
                // Only a closed comment is a comment; otherwise `/` is a token. Once
                // no `*/` was found after some point, none will be after a later one.
                guard position + 2 < unclosedCommentFrom else { return }
                var i = position + 2
                var closed = false
                while i + 1 < text.count {
                    if text[i] == UInt8(ascii: "*") && text[i + 1] == UInt8(ascii: "/") { closed = true; break }
                    i += 1
                }
                guard closed else {
                    unclosedCommentFrom = position + 2
                    return
                }
                lastLexemeStart = position
                position = i + 2
            } else {
                return
            }
        }
    }

    /// `~/a/b` or `~/${`; anything else starting with `~` is an invalid token.
    mutating func lexHomePath(_ start: Int) {
        if byte(start + 1) == UInt8(ascii: "/") {
            if byte(start + 2) == UInt8(ascii: "$") && byte(start + 3) == UInt8(ascii: "{") && hasByte(start + 3) {
                emit(.homePath, start, start + 2)
                push(.inPathAfterSlash)
                return
            }
            // `~` followed by at least one `/segment`.
            let body = pathBody(from: start + 1)
            if body.hasSegment {
                let end = start + 1 + body.length
                emit(.homePath, start, end)
                push(text[end - 1] == UInt8(ascii: "/") ? .inPathAfterSlash : .inPath)
                return
            }
        }
        emit(.invalid, start, start + 1)
    }

    /// Identifiers, keywords, numbers, `.`/`...`, operators that may also begin a
    /// path (`+`, `-`, `/`), paths and URIs: the longest match wins.
    mutating func lexWordLike(_ start: Int) {
        let c = text[start]
        // Candidates other than paths, in nix's rule order: a later one replaces
        // an earlier one only when it is strictly longer.
        var bestKind = TokenKind.invalid
        var bestLength = 1
        let second = byte(start + 1)
        switch c {
        case UInt8(ascii: "."):
            if second == UInt8(ascii: ".") && byte(start + 2) == UInt8(ascii: ".") {
                bestKind = .ellipsis; bestLength = 3
            } else {
                bestKind = .dot
            }
        case UInt8(ascii: "+"):
            if second == UInt8(ascii: "+") { bestKind = .concat; bestLength = 2 } else { bestKind = .plus }
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: ">") { bestKind = .implication; bestLength = 2 } else { bestKind = .minus }
        case UInt8(ascii: "/"):
            if second == UInt8(ascii: "/") { bestKind = .update; bestLength = 2 } else { bestKind = .slash }
        default:
            break
        }
        if isIdentifierStart(c) {
            var i = start + 1
            while hasByte(i) && isIdentifierChar(text[i]) { i += 1 }
            // Nothing else of length 1 or more can start with a letter or `_`.
            bestKind = keyword(start, i) ?? .identifier
            bestLength = i - start
        } else if isDigit(c) {
            var i = start + 1
            while hasByte(i) && isDigit(text[i]) { i += 1 }
            bestKind = .integer
            bestLength = i - start
        }
        let floatLength = self.floatLength(from: start)
        if floatLength > bestLength {
            bestKind = .float
            bestLength = floatLength
        }

        // Paths: `PATH_CHAR* (/ PATH_CHAR+)+ /?`, or a single `PATH_CHAR* /`
        // directly followed by `${`.
        var pathLength = 0
        var pathTokenLength = 0
        if isPathChar(c) || c == UInt8(ascii: "/") {
            let body = pathBody(from: start)
            if body.hasSegment {
                pathLength = body.length
                pathTokenLength = body.length
            }
            let j = pathRunEnd(from: start)
            if byte(j) == UInt8(ascii: "/") && byte(j + 1) == UInt8(ascii: "$") && byte(j + 2) == UInt8(ascii: "{") && hasByte(j + 2) {
                let segmentLength = j + 1 - start
                if segmentLength + 2 > pathLength {
                    pathLength = segmentLength + 2
                    pathTokenLength = segmentLength
                }
            }
        }
        let uriLength = isLetter(c) ? self.uriLength(from: start) : 0

        if uriLength > bestLength && uriLength > pathLength {
            emit(.uri, start, start + uriLength)
        } else if pathLength > bestLength {
            let end = start + pathTokenLength
            emit(.path, start, end)
            push(text[end - 1] == UInt8(ascii: "/") ? .inPathAfterSlash : .inPath)
        } else {
            emit(bestKind, start, start + bestLength)
        }
    }

    /// The end of the run of path characters that contains (or starts at) `start`.
    /// Runs are cached: in `a.b.c.d…` or `----…` every position would otherwise
    /// rescan the rest of the run, which is quadratic.
    mutating func pathRunEnd(from start: Int) -> Int {
        if start >= pathRun.lowerBound && start < pathRun.upperBound { return pathRun.upperBound }
        var i = start
        while hasByte(i) && isPathChar(text[i]) { i += 1 }
        if i > start { pathRun = start..<i }
        return i
    }

    /// Length of `PATH_CHAR* (/ PATH_CHAR+)* /?` at `start` (possibly 0), and
    /// whether it holds at least one `/` followed by a path character.
    mutating func pathBody(from start: Int) -> (length: Int, hasSegment: Bool) {
        var i = pathRunEnd(from: start)
        var hasSegment = false
        while byte(i) == UInt8(ascii: "/") && hasByte(i + 1) && isPathChar(text[i + 1]) {
            hasSegment = true
            i = pathRunEnd(from: i + 1)
        }
        if byte(i) == UInt8(ascii: "/") && hasByte(i) { i += 1 }
        return (i - start, hasSegment)
    }

    mutating func pathBodyLength(from start: Int) -> Int {
        pathBody(from: start).length
    }

    /// `<PATH_CHAR+ (/ PATH_CHAR+)*>`, or 0.
    func searchPathLength(from start: Int) -> Int {
        var i = start + 1
        guard hasByte(i) && isPathChar(text[i]) else { return 0 }
        while hasByte(i) && isPathChar(text[i]) { i += 1 }
        while byte(i) == UInt8(ascii: "/") && hasByte(i + 1) && isPathChar(text[i + 1]) {
            i += 2
            while hasByte(i) && isPathChar(text[i]) { i += 1 }
        }
        guard byte(i) == UInt8(ascii: ">") && hasByte(i) else { return 0 }
        return i + 1 - start
    }

    /// `[a-zA-Z][a-zA-Z0-9+.-]*:` followed by at least one URI character, or 0.
    /// Scheme runs are cached like path runs.
    mutating func uriLength(from start: Int) -> Int {
        var i: Int
        if start >= schemeRun.lowerBound && start < schemeRun.upperBound {
            i = schemeRun.upperBound
        } else {
            i = start + 1
            while hasByte(i) {
                let b = text[i]
                guard isLetter(b) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { break }
                i += 1
            }
            schemeRun = start..<i
        }
        guard byte(i) == UInt8(ascii: ":") && hasByte(i) else { return 0 }
        i += 1
        let bodyStart = i
        while hasByte(i) && isURIChar(text[i]) { i += 1 }
        return i > bodyStart ? i - start : 0
    }

    /// `([1-9][0-9]*\.[0-9]* | 0?\.[0-9]+) ([Ee][+-]?[0-9]+)?`, or 0.
    func floatLength(from start: Int) -> Int {
        var i = start
        let c = byte(i)
        if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && hasByte(i) {
            while hasByte(i) && isDigit(text[i]) { i += 1 }
            guard byte(i) == UInt8(ascii: ".") && hasByte(i) else { return 0 }
            i += 1
            while hasByte(i) && isDigit(text[i]) { i += 1 }
        } else {
            if c == UInt8(ascii: "0") && hasByte(i) { i += 1 }
            guard byte(i) == UInt8(ascii: ".") && hasByte(i) && hasByte(i + 1) && isDigit(text[i + 1]) else { return 0 }
            i += 1
            while hasByte(i) && isDigit(text[i]) { i += 1 }
        }
        let e = byte(i)
        if (e == UInt8(ascii: "e") || e == UInt8(ascii: "E")) && hasByte(i) {
            var j = i + 1
            if byte(j) == UInt8(ascii: "+") || byte(j) == UInt8(ascii: "-") { j += 1 }
            if hasByte(j) && isDigit(text[j]) {
                while hasByte(j) && isDigit(text[j]) { j += 1 }
                i = j
            }
        }
        return i - start
    }

    /// The keyword spelled by `text[start..<end]`, if any.
    func keyword(_ start: Int, _ end: Int) -> TokenKind? {
        let length = end - start
        guard length >= 2 && length <= 7 else { return nil }
        func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == length else { return false }
            let p = word.utf8Start
            for k in 0..<length where text[start + k] != p[k] { return false }
            return true
        }
        switch text[start] {
        case UInt8(ascii: "i"):
            if matches("if") { return .ifKeyword }
            if matches("in") { return .inKeyword }
            if matches("inherit") { return .inheritKeyword }
        case UInt8(ascii: "t"): if matches("then") { return .thenKeyword }
        case UInt8(ascii: "e"): if matches("else") { return .elseKeyword }
        case UInt8(ascii: "a"): if matches("assert") { return .assertKeyword }
        case UInt8(ascii: "w"): if matches("with") { return .withKeyword }
        case UInt8(ascii: "l"): if matches("let") { return .letKeyword }
        case UInt8(ascii: "r"): if matches("rec") { return .recKeyword }
        case UInt8(ascii: "o"): if matches("or") { return .orKeyword }
        default: break
        }
        return nil
    }
}
