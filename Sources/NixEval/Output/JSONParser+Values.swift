// The parser proper of the JSON reader: tokens into values, with an explicit
// stack instead of recursion, and Nix's syntax error messages.

import NixSyntax

extension JSONParser {
    // MARK: Messages

    var lastRead: String {
        var bytes: [UInt8] = []
        for b in tokenString {
            if b <= 0x1F { bytes.append(contentsOf: Array("<U+\(Self.hex4(Int(b)))>".utf8)) } else { bytes.append(b) }
        }
        // Bytes that are not UTF-8 reach the message as they are (ExactRendering).
        return ExactRendering.text(of: bytes)
    }

    func syntaxError(_ token: Token, context: String, expected: Token) -> JSONParseError {
        var message = "syntax error while parsing \(context) - "
        if token == .parseError {
            message += "\(errorMessage); last read: '\(lastRead)'"
        } else {
            message += "unexpected \(token.name)"
        }
        if expected != .uninitialized { message += "; expected \(expected.name)" }
        return JSONParseError(message: "[json.exception.parse_error.101] parse error at line \(linesRead + 1), column \(charsReadCurrentLine): " + message)
    }

    // MARK: Values

    /// An open array or object. Their contents live in `arrays`/`objects`
    /// (one entry per open container of that kind), so appending never copies.
    enum Container {
        case array
        case object
    }

    /// Parses the whole text into a value, building sets with `makeObject`.
    mutating func parse(makeObject: ([(String, Value)]) -> Value) throws -> Value {
        var stack: [Container] = []
        var arrays: [[Value]] = []
        var objects: [[(String, Value)]] = []
        var keys: [String] = []
        var token = scan()
        var result: Value = .null
        parsing: while true {
            // A value starts at `token`.
            var value: Value
            switch token {
            case .beginObject:
                token = scan()
                if token == .endObject {
                    value = makeObject([])
                    break
                }
                guard token == .string else { throw syntaxError(token, context: "object key", expected: .string) }
                keys.append(String(decoding: tokenBuffer, as: UTF8.self))
                token = scan()
                guard token == .nameSeparator else { throw syntaxError(token, context: "object separator", expected: .nameSeparator) }
                stack.append(.object)
                objects.append([])
                token = scan()
                continue parsing
            case .beginArray:
                token = scan()
                if token == .endArray {
                    value = .list([])
                    break
                }
                stack.append(.array)
                arrays.append([])
                continue parsing
            case .literalTrue: value = .bool(true)
            case .literalFalse: value = .bool(false)
            case .literalNull: value = .null
            case .string: value = .string(Self.nixString(tokenBuffer))
            case .unsigned, .integer: value = numberValue
            case .float:
                if case .float(let d) = numberValue, !d.isFinite {
                    throw JSONParseError(message: "[json.exception.out_of_range.406] number overflow parsing '\(String(decoding: tokenString, as: UTF8.self))'")
                }
                value = numberValue
            case .parseError: throw syntaxError(token, context: "value", expected: .uninitialized)
            default: throw syntaxError(token, context: "value", expected: .literalOrValue)
            }
            // `value` is complete: add it to its container, closing containers as they end.
            while true {
                guard let top = stack.last else {
                    result = value
                    break parsing
                }
                switch top {
                case .array:
                    arrays[arrays.count - 1].append(value)
                    token = scan()
                    if token == .valueSeparator {
                        token = scan()
                        continue parsing
                    }
                    guard token == .endArray else { throw syntaxError(token, context: "array", expected: .endArray) }
                    stack.removeLast()
                    value = .list(arrays.removeLast())
                case .object:
                    objects[objects.count - 1].append((keys.removeLast(), value))
                    token = scan()
                    if token == .valueSeparator {
                        token = scan()
                        guard token == .string else { throw syntaxError(token, context: "object key", expected: .string) }
                        keys.append(String(decoding: tokenBuffer, as: UTF8.self))
                        token = scan()
                        guard token == .nameSeparator else { throw syntaxError(token, context: "object separator", expected: .nameSeparator) }
                        token = scan()
                        continue parsing
                    }
                    guard token == .endObject else { throw syntaxError(token, context: "object", expected: .endObject) }
                    stack.removeLast()
                    value = makeObject(objects.removeLast())
                }
            }
        }
        token = scan()
        guard token == .endOfInput else { throw syntaxError(token, context: "value", expected: .endOfInput) }
        return result
    }

    /// Nix strings end at the first NUL byte.
    static func nixString(_ bytes: [UInt8]) -> NixString {
        if let nul = bytes.firstIndex(of: 0) { return NixString(String(decoding: bytes[..<nul], as: UTF8.self)) }
        return NixString(String(decoding: bytes, as: UTF8.self))
    }
}
