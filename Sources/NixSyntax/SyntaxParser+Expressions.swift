// Expressions from the top down: the constructs that only start an expression
// (lambdas, let/in, with, assert, if), then operators, application and selection.
// Operators are parsed with an explicit operand/operator stack rather than
// recursion, so that chains of any length (`a + a + …`, `a ++ a ++ …`, `- - - a`)
// never deepen the Swift stack; the precedences and associativities are nix's:
//
//   ->  (right)  <  ||  <  &&  <  == != (none)  <  < <= > >= (none)  <  // (right)
//   <  ! (prefix)  <  + -  <  * /  <  ++ (right)  <  ?  <  - (prefix)
//
// and application and `.`/`or` bind tighter than all of them.

/// An operator waiting for its right operand on the operator stack.
private struct PendingOperator {
    enum Kind { case unary(UnaryOperator), binary(BinaryOperator) }
    var kind: Kind
    var precedence: Int
    var span: Span
}

private enum Associativity { case left, right, none }

private let notPrecedence = 7
private let hasAttrPrecedence = 11
private let negatePrecedence = 12

private func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int, Associativity)? {
    switch kind {
    case .implication: return (.implication, 1, .right)
    case .or: return (.or, 2, .left)
    case .and: return (.and, 3, .left)
    case .equal: return (.equal, 4, .none)
    case .notEqual: return (.notEqual, 4, .none)
    case .less: return (.less, 5, .none)
    case .lessOrEqual: return (.lessOrEqual, 5, .none)
    case .greater: return (.greater, 5, .none)
    case .greaterOrEqual: return (.greaterOrEqual, 5, .none)
    case .update: return (.update, 6, .right)
    case .plus: return (.add, 8, .left)
    case .minus: return (.subtract, 8, .left)
    case .star: return (.multiply, 9, .left)
    case .slash: return (.divide, 9, .left)
    case .concat: return (.concat, 10, .right)
    default: return nil
    }
}

extension SyntaxParser {
    /// A whole expression (nix's `expr_function`).
    mutating func parseExpression() -> Expr {
        guard enter() else { return .error(currentSpan) }
        defer { depth -= 1 }
        switch kind {
        case .identifier:
            if peek(1) == .colon { return parseSimpleLambda() }
            if peek(1) == .at { return parseFormalsLambda() }
        case .leftBrace:
            if braceStartsFormals() { return parseFormalsLambda() }
        case .letKeyword:
            if peek(1) != .leftBrace { return parseLetIn() }
        case .ifKeyword:
            return parseIf()
        case .assertKeyword:
            return parseAssertOrWith(isAssert: true)
        case .withKeyword:
            return parseAssertOrWith(isAssert: false)
        default:
            break
        }
        return parseOperators()
    }

    mutating func parseIf() -> Expr {
        let start = currentSpan
        advance()
        let condition = parseExpression()
        expect(.thenKeyword, "THEN")
        let then = parseExpression()
        expect(.elseKeyword, "ELSE")
        let otherwise = parseExpression()
        return .ifThenElse(condition, then, otherwise, join(start, otherwise.span))
    }

    mutating func parseAssertOrWith(isAssert: Bool) -> Expr {
        let start = currentSpan
        advance()
        let first = parseExpression()
        expect(.semicolon, "';'")
        let body = parseExpression()
        let whole = join(start, body.span)
        return isAssert ? .assert(first, body, whole) : .with(first, body, whole)
    }

    // MARK: - Operators

    /// Operators over applications (nix's `expr_op`).
    mutating func parseOperators() -> Expr {
        // Most expressions have no operator at all: skip the stacks for them.
        var first: Expr?
        if kind != .not && kind != .minus {
            let operand = parseApplication()
            if kind != .question && binaryOperator(kind) == nil { return operand }
            first = operand
        }
        var operands: [Expr] = []
        var operators: [PendingOperator] = []
        let baseDepth = depth
        defer { depth = baseDepth }

        func reduceTop(_ operands: inout [Expr], _ operators: inout [PendingOperator], _ depth: inout Int) {
            guard let top = operators.popLast() else { return }
            switch top.kind {
            case .unary(let op):
                guard let operand = operands.popLast() else { return }
                operands.append(.unary(op, operand, Span(file: top.span.file, start: top.span.start, end: max(top.span.end, operand.span.end))))
                depth -= 1
            case .binary(let op):
                guard let rhs = operands.popLast(), let lhs = operands.popLast() else { return }
                operands.append(.binary(op, lhs, rhs, top.span))
            }
        }

        operandLoop: while true {
            if let operand = first {
                first = nil
                operands.append(operand)
            } else {
                // Prefix operators: each one is a level of nesting in the tree.
                while kind == .not || kind == .minus {
                guard enter() else { return .error(currentSpan) }
                let isNot = kind == .not
                operators.append(PendingOperator(kind: .unary(isNot ? .not : .negate),
                                                 precedence: isNot ? notPrecedence : negatePrecedence,
                                                 span: currentSpan))
                    advance()
                }
                operands.append(parseApplication())
            }

            while true {
                if kind == .question {
                    // `e ? path` applies to the operand at once; only `-` binds tighter.
                    while let top = operators.last, top.precedence > hasAttrPrecedence {
                        reduceTop(&operands, &operators, &depth)
                    }
                    advance()
                    let path = parseAttributePath()
                    guard let subject = operands.popLast() else { break operandLoop }
                    let end = path.last?.span ?? subject.span
                    operands.append(.hasAttr(subject, path, join(subject.span, end)))
                    continue
                }
                guard let (op, precedence, associativity) = binaryOperator(kind) else { break operandLoop }
                while let top = operators.last {
                    if top.precedence > precedence {
                        reduceTop(&operands, &operators, &depth)
                    } else if top.precedence == precedence, case .binary = top.kind {
                        if associativity == .right { break }
                        if associativity == .none { unexpected() }
                        reduceTop(&operands, &operators, &depth)
                    } else {
                        break
                    }
                }
                operators.append(PendingOperator(kind: .binary(op), precedence: precedence, span: currentSpan))
                advance()
                continue operandLoop
            }
        }
        while !operators.isEmpty { reduceTop(&operands, &operators, &depth) }
        return operands.last ?? .error(currentSpan)
    }

    // MARK: - Application and selection

    /// Whether a token can begin an argument of an application or a list element.
    func startsSelect(_ k: TokenKind) -> Bool {
        switch k {
        case .identifier, .integer, .float, .quote, .indentedOpen, .path, .homePath, .searchPath, .uri,
             .leftParen, .leftBrace, .leftBracket, .recKeyword, .letKeyword:
            return true
        default:
            return false
        }
    }

    /// `f a b …` (nix's `expr_app`), built as a left-nested chain without recursion.
    mutating func parseApplication() -> Expr {
        var function = parseSelect()
        while startsSelect(kind) && !abandoned {
            let argument = parseSelect()
            function = .apply(function, argument, join(function.span, argument.span))
        }
        return function
    }

    /// `e`, `e.a.b`, `e.a.b or d`, or `e or` (nix's `expr_select`). A default is
    /// itself a select, so `a.x or b.x or c` nests to the right: the chain is
    /// collected first and folded afterwards, without recursion.
    mutating func parseSelect() -> Expr {
        var pending: [(subject: Expr, path: [AttrName])] = []
        var result: Expr
        while true {
            let subject = parsePrimary()
            if kind == .dot {
                advance()
                let path = parseAttributePath()
                if kind == .orKeyword {
                    advance()
                    pending.append((subject, path))
                    if !startsSelect(kind) {
                        unexpected()
                        result = errorNode(consume: true)
                        break
                    }
                    continue
                }
                let end = path.last?.span ?? subject.span
                result = .select(subject, path, orDefault: nil, join(subject.span, end))
            } else if kind == .orKeyword {
                // A function named `or` applied as `f or`, kept for old code.
                let orSpan = currentSpan
                advance()
                result = .apply(subject, .identifier("or", orSpan), join(subject.span, orSpan))
            } else {
                result = subject
            }
            break
        }
        while let (subject, path) = pending.popLast() {
            result = .select(subject, path, orDefault: result, join(subject.span, result.span))
        }
        return result
    }

    /// An attribute path after `.` or `?`, or at the start of a binding.
    mutating func parseAttributePath() -> [AttrName] {
        var path: [AttrName] = []
        while true {
            guard let name = parseAttributeName() else { break }
            path.append(name)
            guard kind == .dot else { break }
            advance()
        }
        return path
    }

    /// One attribute name: `a`, `or`, `"a"`, `"a${b}"` or `${e}`. A string or
    /// `${…}` without interpolation is a static name, as in nix.
    mutating func parseAttributeName() -> AttrName? {
        let start = currentSpan
        switch kind {
        case .identifier:
            advance()
            return .name(tokenText(tokens[index - 1]), start)
        case .orKeyword:
            advance()
            return .name("or", start)
        case .quote:
            let string = parseString()
            return attributeName(from: string)
        case .dollarCurly:
            advance()
            let e = parseExpression()
            expect(.rightBrace, "'}'")
            let whole = Span(file: file, start: start.start, end: previousEnd)
            if case .string(let parts, _) = e, let name = staticName(parts, whole) {
                return name
            }
            return .dynamic(e, whole)
        default:
            unexpected(expecting: "ID or OR_KW or DOLLAR_CURLY or '\"'")
            return nil
        }
    }

    func attributeName(from string: Expr) -> AttrName {
        if case .string(let parts, let s) = string, let name = staticName(parts, s) {
            return name
        }
        return .dynamic(string, string.span)
    }

    /// The static name that string parts without interpolation spell (text,
    /// or bytes when they are not UTF-8); nil when there is an interpolation.
    func staticName(_ parts: [StringPart], _ span: Span) -> AttrName? {
        var text = ""
        var bytes: [UInt8]? = nil
        for part in parts {
            switch part {
            case .literal(let s):
                if bytes != nil { bytes?.append(contentsOf: s.utf8) } else { text += s }
            case .bytes(let b):
                if bytes == nil { bytes = Array(text.utf8) }
                bytes?.append(contentsOf: b)
            case .interpolation:
                return nil
            }
        }
        if let bytes { return .bytes(bytes, span) }
        return .name(text, span)
    }
}
