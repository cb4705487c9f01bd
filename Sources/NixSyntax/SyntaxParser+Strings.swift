// Strings, indented strings and path literals: collecting their pieces,
// decoding escapes, and stripping the indentation of `''…''` strings.
//
// Indentation follows nix 2.8 exactly: the common indentation is the least
// number of leading spaces over the lines that hold anything but spaces; an
// interpolation or an escape (`''$`, `'''`, `''\x`) ends a line's leading
// spaces like any other content. Stripping then drops up to that many spaces at
// the start of every line, and there the text of escapes counts as text (so
// `''\n` starts a line). When the last piece of the string ends with a line of
// spaces only, that line is dropped.

/// A piece of an indented string before stripping.
private enum IndentedPiece {
    case text([UInt8])
    case escape([UInt8])
    case interpolation(Expr)
}

extension SyntaxParser {
    /// `"…"`; the current token is the opening quote.
    mutating func parseString() -> Expr {
        let start = currentSpan
        advance()
        var parts: [StringPart] = []
        var literal: [UInt8] = []
        loop: while true {
            switch kind {
            case .stringText:
                // Two pieces in a row only happen when the text ends in the string;
                // nix's grammar accepts them only after an interpolation.
                if index > 0 && tokens[index - 1].kind == .stringText && parts.isEmpty {
                    unexpected(expecting: "'\"'")
                    break loop
                }
                unescape(current, into: &literal)
                advance()
            case .dollarCurly:
                flush(&literal, into: &parts)
                parts.append(.interpolation(parseInterpolation()))
            case .quote:
                advance()
                break loop
            default:
                unexpected(expecting: "'\"'")
                break loop
            }
        }
        flush(&literal, into: &parts)
        return .string(parts, Span(file: file, start: start.start, end: previousEnd))
    }

    /// `${ e }`; the current token is `${`.
    mutating func parseInterpolation() -> Expr {
        advance()
        let e = parseExpression()
        expect(.rightBrace, "'}'")
        return e
    }

    func flush(_ literal: inout [UInt8], into parts: inout [StringPart]) {
        guard !literal.isEmpty else { return }
        if let text = String(validating: literal, as: UTF8.self) {
            parts.append(.literal(text))
        } else {
            parts.append(.bytes(literal))
        }
        literal.removeAll(keepingCapacity: true)
    }

    /// Decodes `\n`, `\r`, `\t` and `\x` (any other byte stands for itself), and
    /// turns a raw CR or CR LF into LF, as nix does in `"…"` strings.
    func unescape(_ token: Token, into out: inout [UInt8]) {
        var i = Int(token.start)
        let end = min(Int(token.end), text.count)
        while i < end {
            let c = text[i]
            if c == UInt8(ascii: "\\") {
                guard i + 1 < end else { break }
                out.append(escaped(text[i + 1]))
                i += 2
            } else if c == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                i += (i + 1 < end && text[i + 1] == UInt8(ascii: "\n")) ? 2 : 1
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    @inline(__always) func escaped(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "n"): return UInt8(ascii: "\n")
        case UInt8(ascii: "r"): return UInt8(ascii: "\r")
        case UInt8(ascii: "t"): return UInt8(ascii: "\t")
        default: return c
        }
    }

    // MARK: - Indented strings

    /// `''…''`; the current token is the opening `''`.
    mutating func parseIndentedString() -> Expr {
        let start = currentSpan
        advance()
        var pieces: [IndentedPiece] = []
        loop: while true {
            let token = current
            switch token.kind {
            case .indentedText:
                pieces.append(.text(Array(text[Int(token.start)..<Int(token.end)])))
                advance()
            case .indentedEscape:
                // `'''` is `''`, `''$` is `$`, `''\x` is the escape `\x`.
                let third = text[Int(token.start) + 2]
                if third == UInt8(ascii: "'") {
                    pieces.append(.escape([UInt8(ascii: "'"), UInt8(ascii: "'")]))
                } else if third == UInt8(ascii: "$") {
                    pieces.append(.escape([UInt8(ascii: "$")]))
                } else {
                    pieces.append(.escape([escaped(text[Int(token.start) + 3])]))
                }
                advance()
            case .dollarCurly:
                pieces.append(.interpolation(parseInterpolation()))
            case .indentedClose:
                advance()
                break loop
            default:
                unexpected(expecting: "IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE")
                break loop
            }
        }
        return .string(stripIndentation(pieces), Span(file: file, start: start.start, end: previousEnd))
    }

    private func stripIndentation(_ pieces: [IndentedPiece]) -> [StringPart] {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        // The least indentation of a line with content.
        var atLineStart = true
        var indentation = 0
        var least = Int.max
        for piece in pieces {
            switch piece {
            case .interpolation, .escape:
                if atLineStart {
                    atLineStart = false
                    least = min(least, indentation)
                }
            case .text(let bytes):
                for b in bytes {
                    if atLineStart {
                        if b == space {
                            indentation += 1
                        } else if b == newline {
                            indentation = 0
                        } else {
                            atLineStart = false
                            least = min(least, indentation)
                        }
                    } else if b == newline {
                        atLineStart = true
                        indentation = 0
                    }
                }
            }
        }

        var parts: [StringPart] = []
        var literal: [UInt8] = []
        atLineStart = true
        var dropped = 0
        for (n, piece) in pieces.enumerated() {
            switch piece {
            case .interpolation(let e):
                atLineStart = false
                dropped = 0
                flush(&literal, into: &parts)
                parts.append(.interpolation(e))
            case .text(let bytes), .escape(let bytes):
                var stripped: [UInt8] = []
                stripped.reserveCapacity(bytes.count)
                for b in bytes {
                    if atLineStart {
                        if b == space {
                            if dropped >= least { stripped.append(b) }
                            dropped += 1
                        } else if b == newline {
                            dropped = 0
                            stripped.append(b)
                        } else {
                            atLineStart = false
                            dropped = 0
                            stripped.append(b)
                        }
                    } else {
                        stripped.append(b)
                        if b == newline { atLineStart = true }
                    }
                }
                // The last piece loses a final line made of spaces only.
                if n == pieces.count - 1, let lastNewline = stripped.lastIndex(of: newline),
                   stripped[(lastNewline + 1)...].allSatisfy({ $0 == space }) {
                    stripped.removeSubrange((lastNewline + 1)...)
                }
                literal.append(contentsOf: stripped)
            }
        }
        flush(&literal, into: &parts)
        return parts
    }

    // MARK: - Paths

    /// A path literal, possibly interpolated; the current token is its first piece.
    mutating func parsePath() -> Expr {
        let first = current
        let firstText = tokenText(first)
        let pathKind: PathKind = first.kind == .homePath ? .home : (firstText.hasPrefix("/") ? .absolute : .relative)
        advance()
        var parts: [StringPart] = []
        var literal: [UInt8] = Array(text[Int(first.start)..<Int(first.end)])
        // nix's grammar wants an interpolation first or second after the first piece.
        if kind == .pathText {
            literal.append(contentsOf: text[Int(current.start)..<Int(current.end)])
            advance()
            if kind != .dollarCurly && kind != .pathTrailingSlash {
                unexpected(expecting: "DOLLAR_CURLY")
            }
        }
        var end = first.end
        loop: while true {
            let token = current
            switch token.kind {
            case .pathText:
                literal.append(contentsOf: text[Int(token.start)..<Int(token.end)])
                advance()
            case .dollarCurly:
                flush(&literal, into: &parts)
                parts.append(.interpolation(parseInterpolation()))
            case .pathEnd:
                end = tokens[index - 1].end
                advance()
                break loop
            case .pathTrailingSlash:
                reportSemantic("path has a trailing slash", at: span(token))
                end = tokens[index - 1].end
                advance()
                break loop
            default:
                end = previousEnd
                break loop
            }
        }
        flush(&literal, into: &parts)
        return .path(pathKind, parts, Span(file: file, start: first.start, end: end))
    }
}
