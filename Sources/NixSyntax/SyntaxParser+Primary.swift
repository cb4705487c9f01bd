// The simplest expressions (nix's `expr_simple`): names, numbers, strings, paths,
// parenthesized expressions, lists and attribute sets.

import Foundation

extension SyntaxParser {
    mutating func parsePrimary() -> Expr {
        let token = current
        let s = span(token)
        switch token.kind {
        case .identifier:
            advance()
            let name = tokenText(token)
            return name == "__curPos" ? .currentPosition(s) : .identifier(name, s)
        case .integer:
            advance()
            return parseInteger(token)
        case .float:
            advance()
            return parseFloat(token)
        case .quote:
            return parseString()
        case .indentedOpen:
            return parseIndentedString()
        case .path, .homePath:
            return parsePath()
        case .searchPath:
            advance()
            let text = tokenText(token)
            return .searchPath(String(text.dropFirst().dropLast()), s)
        case .uri:
            advance()
            return .uri(tokenText(token), s)
        case .leftParen:
            advance()
            let inner = parseExpression()
            expect(.rightParen, "')'")
            return inner
        case .leftBracket:
            return parseList()
        case .leftBrace:
            return parseAttributeSet(isRecursive: false, start: s)
        case .recKeyword:
            advance()
            guard kind == .leftBrace else {
                unexpected(expecting: "'{'")
                return .error(s)
            }
            return parseAttributeSet(isRecursive: true, start: s)
        case .letKeyword:
            advance()
            guard kind == .leftBrace else {
                unexpected(expecting: "'{'")
                return .error(s)
            }
            return parseLegacyLet(start: s)
        default:
            unexpected()
            return errorNode(consume: true)
        }
    }

    mutating func parseInteger(_ token: Token) -> Expr {
        var value = 0
        var overflow = false
        for i in Int(token.start)..<Int(token.end) {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(text[i] &- UInt8(ascii: "0")))
            value = sum
            if o1 || o2 { overflow = true; break }
        }
        if overflow {
            reportSemantic("invalid integer '\(tokenText(token))'", at: span(token))
            return .error(span(token))
        }
        return .int(value, span(token))
    }

    mutating func parseFloat(_ token: Token) -> Expr {
        let written = tokenText(token)
        // Swift's parser wants digits on both sides of the point.
        var normalized = written.hasPrefix(".") ? "0" + written : written
        if let dot = normalized.firstIndex(of: ".") {
            let after = normalized.index(after: dot)
            if after == normalized.endIndex || !(normalized[after].isASCII && normalized[after].isNumber) {
                normalized.insert("0", at: after)
            }
        }
        // nix rejects what strtod reports as out of range: overflow, and underflow
        // to zero or to a subnormal number.
        let mantissa = normalized.prefix { $0 != "e" && $0 != "E" }
        let mantissaIsZero = mantissa.allSatisfy { $0 == "0" || $0 == "." }
        guard let value = Double(normalized), value.isFinite,
              mantissaIsZero || (value != 0 && !value.isSubnormal) else {
            reportSemantic("invalid float '\(written)'", at: span(token))
            return .error(span(token))
        }
        return .float(value, span(token))
    }

    /// `[ a b c ]`: the elements are selects, so `[ f x ]` has two.
    mutating func parseList() -> Expr {
        let start = currentSpan
        advance()
        guard enter() else { return .error(start) }
        defer { depth -= 1 }
        var elements: [Expr] = []
        while true {
            if startsSelect(kind) {
                elements.append(parseSelect())
                continue
            }
            if kind == .rightBracket || kind == .eof || abandoned { break }
            unexpected()
            // Skip what cannot be an element; stop at what closes an enclosing construct.
            if isCloser(kind) && kind != .comma && kind != .colon { break }
            advance()
        }
        if kind == .rightBracket { advance() } else { unexpected() }
        return .list(elements, Span(file: file, start: start.start, end: previousEnd))
    }

    /// `{ … }` or `rec { … }`; the current token is `{`.
    mutating func parseAttributeSet(isRecursive: Bool, start: Span) -> Expr {
        advance()
        guard enter() else { return .error(start) }
        defer { depth -= 1 }
        let names = DeclaredNames()
        let bindings = parseBindings(closer: .rightBrace, names: names)
        if kind == .rightBrace { advance() } else { unexpected() }
        declaredNames[start.start] = names
        return .attrs(isRecursive: isRecursive, bindings, Span(file: file, start: start.start, end: previousEnd))
    }

    /// `let { …; body = …; }`; the current token is `{`.
    mutating func parseLegacyLet(start: Span) -> Expr {
        advance()
        guard enter() else { return .error(start) }
        defer { depth -= 1 }
        let names = DeclaredNames()
        let bindings = parseBindings(closer: .rightBrace, names: names)
        if kind == .rightBrace { advance() } else { unexpected() }
        return .legacyLet(bindings, Span(file: file, start: start.start, end: previousEnd))
    }

    /// `let … in body`.
    mutating func parseLetIn() -> Expr {
        let start = currentSpan
        advance()
        let names = DeclaredNames()
        let bindings = parseBindings(closer: .inKeyword, names: names)
        if kind == .inKeyword {
            advance()
        } else {
            unexpected()
        }
        let body = parseExpression()
        // nix checks this once the whole `let` is read, after errors in the body.
        for binding in bindings {
            // Only the first name matters: `a.${b} = …` makes a set with a dynamic name.
            if case .attribute(let path, _, _) = binding, case .dynamic = path.first {
                reportSemantic("dynamic attributes not allowed in let", at: start)
                break
            }
        }
        return .letIn(bindings, body, join(start, body.span))
    }
}
