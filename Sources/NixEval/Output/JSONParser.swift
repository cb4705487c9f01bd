// The JSON reader behind `builtins.fromJSON`: its tokenizer (the parser
// proper is in JSONParser+Values.swift). It accepts exactly what Nix
// 2.8 accepts and fails with the same messages, positions included (Nix's
// reader counts columns per byte, counts the end of input as a read, and
// reports the bytes scanned since the last string or number as "last read").
// It is iterative, so nesting depth is limited by memory, not by the stack.
// Numbers follow Nix: integers that fit 64 bits (unsigned ones wrap), other
// numbers as floats; a string ends at an embedded NUL, as Nix strings do.
// Like Nix's reader it refuses a string that is not UTF-8 ("ill-formed
// UTF-8 byte"); that check runs only when the input is not valid UTF-8 as a
// whole, since a string inside valid UTF-8 text is valid too.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of `JSONParser`, with Nix's full message.
struct JSONParseError: Error {
    let message: String
}

struct JSONParser {
    enum Token: Equatable {
        case uninitialized, literalTrue, literalFalse, literalNull, string, unsigned, integer, float
        case beginArray, beginObject, endArray, endObject, nameSeparator, valueSeparator
        case parseError, endOfInput, literalOrValue

        var name: String {
            switch self {
            case .uninitialized: return "<uninitialized>"
            case .literalTrue: return "true literal"
            case .literalFalse: return "false literal"
            case .literalNull: return "null literal"
            case .string: return "string literal"
            case .unsigned, .integer, .float: return "number literal"
            case .beginArray: return "'['"
            case .beginObject: return "'{'"
            case .endArray: return "']'"
            case .endObject: return "'}'"
            case .nameSeparator: return "':'"
            case .valueSeparator: return "','"
            case .parseError: return "<parse error>"
            case .endOfInput: return "end of input"
            case .literalOrValue: return "'[', '{', or a literal"
            }
        }
    }

    private static let eof = -1

    private let input: [UInt8]
    private var index = 0
    private var current = JSONParser.eof
    private var nextUnget = false
    private var charsReadTotal = 0
    var charsReadCurrentLine = 0
    var linesRead = 0
    /// Every byte read since the last reset: what Nix calls "last read".
    var tokenString: [UInt8] = []
    /// The decoded value of the last string or number token.
    var tokenBuffer: [UInt8] = []
    var errorMessage = ""
    var numberValue: Value = .null

    /// True when the input may hold bytes that are not UTF-8.
    private let checkUTF8: Bool

    init(_ text: String) {
        input = Array(text.utf8)
        checkUTF8 = false
    }

    init(_ text: NixString) {
        input = text.bytes
        checkUTF8 = !text.isText
    }

    // MARK: Reading bytes

    private mutating func get() -> Int {
        charsReadTotal += 1
        charsReadCurrentLine += 1
        if nextUnget {
            nextUnget = false
        } else if index < input.count {
            current = Int(input[index])
            index += 1
        } else {
            current = Self.eof
        }
        if current != Self.eof { tokenString.append(UInt8(truncatingIfNeeded: current)) }
        if current == 0x0A {
            linesRead += 1
            charsReadCurrentLine = 0
        }
        return current
    }

    private mutating func unget() {
        nextUnget = true
        charsReadTotal -= 1
        if charsReadCurrentLine == 0 {
            if linesRead > 0 { linesRead -= 1 }
        } else {
            charsReadCurrentLine -= 1
        }
        if current != Self.eof && !tokenString.isEmpty { tokenString.removeLast() }
    }

    private mutating func reset() {
        tokenBuffer.removeAll(keepingCapacity: true)
        tokenString.removeAll(keepingCapacity: true)
        if current != Self.eof { tokenString.append(UInt8(truncatingIfNeeded: current)) }
    }

    private mutating func fail(_ message: String) -> Token {
        errorMessage = message
        return .parseError
    }

    // MARK: Tokens

    mutating func scan() -> Token {
        if charsReadTotal == 0 && !skipByteOrderMark() {
            return fail("invalid BOM; must be 0xEF 0xBB 0xBF if given")
        }
        repeat { _ = get() } while current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D
        switch current {
        case 0x5B: return .beginArray
        case 0x5D: return .endArray
        case 0x7B: return .beginObject
        case 0x7D: return .endObject
        case 0x3A: return .nameSeparator
        case 0x2C: return .valueSeparator
        case 0x74: return scanLiteral("true", .literalTrue)
        case 0x66: return scanLiteral("false", .literalFalse)
        case 0x6E: return scanLiteral("null", .literalNull)
        case 0x22: return scanString()
        case 0x2D, 0x30...0x39: return scanNumber()
        case 0x00, Self.eof: return .endOfInput
        default: return fail("invalid literal")
        }
    }

    private mutating func skipByteOrderMark() -> Bool {
        if get() == 0xEF { return get() == 0xBB && get() == 0xBF }
        unget()
        return true
    }

    private mutating func scanLiteral(_ text: String, _ token: Token) -> Token {
        for expected in text.utf8.dropFirst() where get() != Int(expected) {
            return fail("invalid literal")
        }
        return token
    }

    private mutating func hexCodepoint() -> Int? {
        var value = 0
        for _ in 0..<4 {
            let c = get()
            let digit: Int
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: Int) {
        if scalar < 0x80 {
            tokenBuffer.append(UInt8(scalar))
        } else if scalar < 0x800 {
            tokenBuffer.append(UInt8(0xC0 | scalar >> 6))
            tokenBuffer.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            tokenBuffer.append(UInt8(0xE0 | scalar >> 12))
            tokenBuffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            tokenBuffer.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            tokenBuffer.append(UInt8(0xF0 | scalar >> 18))
            tokenBuffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            tokenBuffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            tokenBuffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func scanString() -> Token {
        reset()
        while true {
            // Fast path: a run of plain bytes is taken whole (same counters as reading them one by one).
            if !nextUnget {
                var i = index
                while i < input.count {
                    let b = input[i]
                    if b == 0x22 || b == 0x5C || b < 0x20 || (b >= 0x80 && checkUTF8) { break }
                    i += 1
                }
                if i > index {
                    let run = input[index..<i]
                    tokenBuffer.append(contentsOf: run)
                    tokenString.append(contentsOf: run)
                    charsReadTotal += i - index
                    charsReadCurrentLine += i - index
                    current = Int(input[i - 1])
                    index = i
                }
            }
            let c = get()
            switch c {
            case Self.eof:
                return fail("invalid string: missing closing quote")
            case 0x22:
                return .string
            case 0x5C:
                let e = get()
                switch e {
                case 0x22, 0x5C, 0x2F: tokenBuffer.append(UInt8(e))
                case 0x62: tokenBuffer.append(0x08)
                case 0x66: tokenBuffer.append(0x0C)
                case 0x6E: tokenBuffer.append(0x0A)
                case 0x72: tokenBuffer.append(0x0D)
                case 0x74: tokenBuffer.append(0x09)
                case 0x75:
                    guard let first = hexCodepoint() else { return fail("invalid string: '\\u' must be followed by 4 hex digits") }
                    var scalar = first
                    if (0xD800...0xDBFF).contains(first) {
                        guard get() == 0x5C && get() == 0x75 else {
                            return fail("invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
                        }
                        guard let second = hexCodepoint() else { return fail("invalid string: '\\u' must be followed by 4 hex digits") }
                        guard (0xDC00...0xDFFF).contains(second) else {
                            return fail("invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF")
                        }
                        scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(first) {
                        return fail("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF")
                    }
                    appendUTF8(scalar)
                default:
                    return fail("invalid string: forbidden character after backslash")
                }
            case 0x00...0x1F:
                return fail(Self.controlCharacterMessage(c))
            case 0x80...0xFF where checkUTF8:
                if !scanUTF8Sequence(c) { return fail("invalid string: ill-formed UTF-8 byte") }
            default:
                tokenBuffer.append(UInt8(truncatingIfNeeded: c))
            }
        }
    }

    /// Reads the rest of the UTF-8 sequence that `lead` starts into the
    /// token; false at the first byte that does not belong (it is read, so
    /// it shows in "last read", as with Nix).
    private mutating func scanUTF8Sequence(_ lead: Int) -> Bool {
        // The allowed range of the second byte, and how many bytes follow.
        let second: ClosedRange<Int>, count: Int
        switch lead {
        case 0xC2...0xDF: second = 0x80...0xBF; count = 1
        case 0xE0: second = 0xA0...0xBF; count = 2
        case 0xE1...0xEC, 0xEE...0xEF: second = 0x80...0xBF; count = 2
        case 0xED: second = 0x80...0x9F; count = 2
        case 0xF0: second = 0x90...0xBF; count = 3
        case 0xF1...0xF3: second = 0x80...0xBF; count = 3
        case 0xF4: second = 0x80...0x8F; count = 3
        default: return false
        }
        tokenBuffer.append(UInt8(truncatingIfNeeded: lead))
        for i in 0..<count {
            let c = get()
            guard (i == 0 ? second : 0x80...0xBF).contains(c) else { return false }
            tokenBuffer.append(UInt8(truncatingIfNeeded: c))
        }
        return true
    }

    // Computed, not stored: no array may be shared between evaluators' threads.
    private static var controlNames: [String] { ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
                                       "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
                                       "ESC", "FS", "GS", "RS", "US"] }

    private static func controlCharacterMessage(_ c: Int) -> String {
        let code = hex4(c)
        var message = "invalid string: control character U+\(code) (\(controlNames[c])) must be escaped to \\u\(code)"
        switch c {
        case 0x08: message += " or \\b"
        case 0x09: message += " or \\t"
        case 0x0A: message += " or \\n"
        case 0x0C: message += " or \\f"
        case 0x0D: message += " or \\r"
        default: break
        }
        return message
    }

    static func hex4(_ c: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[c >> 12 & 15], digits[c >> 8 & 15], digits[c >> 4 & 15], digits[c & 15]])
    }

    private static func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }

    private mutating func scanNumber() -> Token {
        reset()
        var kind: Token = current == 0x2D ? .integer : .unsigned
        var c = current
        if c == 0x2D {
            c = get()
            guard Self.isDigit(c) else { return fail("invalid number; expected digit after '-'") }
        }
        if c != 0x30 {
            repeat { c = get() } while Self.isDigit(c)
        } else {
            c = get()
        }
        if c == 0x2E {
            kind = .float
            c = get()
            guard Self.isDigit(c) else { return fail("invalid number; expected digit after '.'") }
            repeat { c = get() } while Self.isDigit(c)
        }
        if c == 0x65 || c == 0x45 {
            kind = .float
            c = get()
            if c == 0x2B || c == 0x2D {
                c = get()
                guard Self.isDigit(c) else { return fail("invalid number; expected digit after exponent sign") }
            } else if !Self.isDigit(c) {
                return fail("invalid number; expected '+', '-', or digit after exponent")
            }
            repeat { c = get() } while Self.isDigit(c)
        }
        unget()
        let text = tokenString
        if kind != .float, let v = Self.integerValue(text) {
            numberValue = .int(v)
            return kind
        }
        numberValue = .float(Self.floatValue(text))
        return .float
    }

    /// The token as a 64-bit integer: unsigned values wrap as Nix stores them;
    /// nil when it does not fit (it is then read as a float).
    private static func integerValue(_ text: [UInt8]) -> Int? {
        let negative = text.first == 0x2D
        var magnitude: UInt64 = 0
        for d in text.dropFirst(negative ? 1 : 0) {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(d &- 0x30))
            if o1 || o2 { return nil }
            magnitude = s
        }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return nil }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        return Int(truncatingIfNeeded: magnitude)
    }

    private static func floatValue(_ text: [UInt8]) -> Double {
        var cString = text
        cString.append(0)
        return cString.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { strtod(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), nil) } ?? 0
        }
    }

}
