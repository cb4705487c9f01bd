// Functions: `x: body`, `{ a, b ? d, ... }: body`, `args@{ … }: body` and
// `{ … }@args: body`. A `{` at the start of an expression may open either a set
// or formals; nix decides with a GLR parser, Roost with a short look-ahead that
// picks the same reading (and so the same first error).

extension SyntaxParser {
    /// Whether the `{` at the current token opens formals rather than a set.
    func braceStartsFormals() -> Bool {
        switch peek(1) {
        case .rightBrace:
            let after = peek(2)
            return after == .colon || after == .at
        case .ellipsis:
            return true
        case .identifier:
            let after = peek(2)
            return after == .comma || after == .question || after == .rightBrace
        default:
            return false
        }
    }

    /// `x: body`; the current token is `x`, followed by `:`.
    mutating func parseSimpleLambda() -> Expr {
        let token = current
        let name = tokenText(token)
        advance()
        advance()
        let body = parseExpression()
        let start = span(token)
        return .lambda(Lambda(parameter: .identifier(name, start), body: body), join(start, body.span))
    }

    /// A function with formals; the current token is `{` or the `args` of `args@{`.
    mutating func parseFormalsLambda() -> Expr {
        let start = currentSpan
        var bindAs: (name: String, span: Span)?
        var bindsBefore = false
        if kind == .identifier {
            bindAs = (tokenText(current), currentSpan)
            bindsBefore = true
            advance()
            advance()
            guard kind == .leftBrace else {
                unexpected(expecting: "'{'")
                return errorNode(consume: true)
            }
        }
        advance()
        var formals: [Formals.Formal] = []
        var hasEllipsis = false
        loop: while !abandoned {
            switch kind {
            case .rightBrace:
                break loop
            case .ellipsis:
                hasEllipsis = true
                advance()
                if kind != .rightBrace {
                    unexpected(expecting: "'}'")
                    skipToClosingBrace()
                }
                break loop
            case .identifier:
                let nameToken = current
                advance()
                var defaultValue: Expr?
                if kind == .question {
                    advance()
                    defaultValue = parseExpression()
                }
                let end = defaultValue?.span ?? span(nameToken)
                formals.append(.init(name: tokenText(nameToken), defaultValue: defaultValue, span: join(span(nameToken), end)))
                if kind == .comma {
                    advance()
                } else if kind != .rightBrace {
                    unexpected(expecting: "'}'")
                    skipToClosingBrace()
                    break loop
                }
            default:
                unexpected(expecting: "'}'")
                skipToClosingBrace()
                break loop
            }
        }
        expect(.rightBrace, "'}'")
        if bindAs == nil && kind == .at {
            advance()
            if kind == .identifier {
                bindAs = (tokenText(current), currentSpan)
                advance()
            } else {
                unexpected(expecting: "ID")
            }
            expect(.colon, "':'")
        } else {
            expect(.colon, bindsBefore ? "':'" : "':' or '@'")
        }
        let body = parseExpression()
        // nix checks the names once the whole function is read.
        var seen = Set<String>()
        for formal in formals where !seen.insert(formal.name).inserted {
            reportSemantic("duplicate formal function argument '\(formal.name)'", at: formal.span)
            break
        }
        if let bindAs, seen.contains(bindAs.name) {
            reportSemantic("duplicate formal function argument '\(bindAs.name)'", at: start)
        }
        let parameter = Lambda.Parameter.formals(Formals(formals: formals, hasEllipsis: hasEllipsis, bindAs: bindAs))
        return .lambda(Lambda(parameter: parameter, body: body), join(start, body.span))
    }

    /// Skips to the `}` that closes the formals (not consuming it).
    mutating func skipToClosingBrace() {
        var nesting = 0
        while kind != .eof {
            switch kind {
            case .leftBrace, .leftParen, .leftBracket, .dollarCurly:
                nesting += 1
            case .rightBrace, .rightParen, .rightBracket:
                if nesting == 0 { return }
                nesting -= 1
            default:
                break
            }
            advance()
        }
    }
}
