// Bindings of attribute sets and `let`: `a.b.c = e;`, `inherit a b;` and
// `inherit (e) a b;`, with recovery: after an error the parser skips to the next
// `;` (or to the end of the set) and goes on, so that later errors are reported too.

extension SyntaxParser {
    /// Bindings up to (not including) `closer` (`}` or `in`).
    mutating func parseBindings(closer: TokenKind, names: DeclaredNames) -> [Binding] {
        var bindings: [Binding] = []
        while !abandoned {
            switch kind {
            case .identifier, .orKeyword, .quote, .dollarCurly:
                if let binding = parseAttributeBinding(closer: closer, names: names) {
                    bindings.append(binding)
                }
            case .inheritKeyword:
                if let binding = parseInherit(closer: closer, names: names) {
                    bindings.append(binding)
                }
            default:
                if kind == closer || kind == .eof { return bindings }
                unexpected()
                // A `}` that closes an enclosing set ends a `let`'s bindings.
                if kind == .rightBrace && closer != .rightBrace { return bindings }
                recoverInBindings(closer: closer)
            }
        }
        return bindings
    }

    /// Skips the rest of a broken binding, always moving forward.
    mutating func recoverInBindings(closer: TokenKind) {
        let before = index
        skipBinding(stops: [closer])
        if index == before && kind != closer && kind != .eof && !(kind == .rightBrace && closer != .rightBrace) {
            advance()
        }
    }

    mutating func parseAttributeBinding(closer: TokenKind, names: DeclaredNames) -> Binding? {
        let start = currentSpan
        let path = parseAttributePath()
        guard !path.isEmpty else {
            recoverInBindings(closer: closer)
            return nil
        }
        guard expect(.assign, "'.' or '='") else {
            recoverInBindings(closer: closer)
            return nil
        }
        let value = parseExpression()
        guard kind == .semicolon else {
            unexpected(expecting: "';'")
            recoverInBindings(closer: closer)
            return .attribute(path: path, value: value, span: Span(file: file, start: start.start, end: previousEnd))
        }
        advance()
        let position = Span(file: file, start: start.start, end: start.start)
        checkDuplicate(path: path, value: value, at: position, in: names)
        return .attribute(path: path, value: value, span: Span(file: file, start: start.start, end: previousEnd))
    }

    /// `inherit a "b";` or `inherit (e) a;`. Names must be static.
    mutating func parseInherit(closer: TokenKind, names: DeclaredNames) -> Binding? {
        let start = currentSpan
        advance()
        var from: Expr?
        if kind == .leftParen {
            advance()
            from = parseExpression()
            expect(.rightParen, "')'")
        }
        // nix places the names (and its duplicate errors) where the keyword or `)` ends.
        let namesPosition = Span(file: file, start: previousEnd, end: previousEnd)
        var inherited: [AttrName] = []
        loop: while true {
            switch kind {
            case .identifier, .orKeyword, .quote, .dollarCurly:
                guard let name = parseAttributeName() else { break loop }
                if case .dynamic(_, let s) = name {
                    reportSemantic("dynamic attributes not allowed in inherit", at: s)
                }
                inherited.append(name)
            default:
                break loop
            }
        }
        guard kind == .semicolon else {
            unexpected()
            recoverInBindings(closer: closer)
            return nil
        }
        advance()
        for name in inherited {
            if let key = DeclaredNames.Key(name) {
                declareInherited(key, at: namesPosition, in: names)
            }
        }
        return .inherit(from: from, names: inherited, span: Span(file: file, start: start.start, end: previousEnd))
    }
}
