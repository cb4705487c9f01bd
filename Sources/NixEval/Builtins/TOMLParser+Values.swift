// Values of the TOML reader: strings of the four kinds, integers (decimal,
// hex, octal, binary, with underscores between digits), floats, booleans,
// dates and times (recognised so they can be refused), arrays and inline
// tables.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TOMLParser {
    mutating func parseValue() throws(TOMLError) -> TOMLNode {
        guard let c = peek else { throw unknownValue() }
        switch c {
        case UInt8(ascii: "\""):
            return .string(looking(at: "\"\"\"") ? try parseMultilineBasicString() : try parseBasicString())
        case UInt8(ascii: "'"):
            return .string(looking(at: "'''") ? try parseMultilineLiteralString() : try parseLiteralString())
        case UInt8(ascii: "t"):
            return try parseWord("true", .boolean(true))
        case UInt8(ascii: "f"):
            return try parseWord("false", .boolean(false))
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "{"):
            return try parseInlineTable()
        case UInt8(ascii: "i"), UInt8(ascii: "n"):
            guard looking(at: "inf") || looking(at: "nan") else {
                throw failure("toml::parse_floating: ", at: pos, "the next token is not a float")
            }
            return try parseNumberOrDate()
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let n = peek(1), n.isASCIIDigit || n == UInt8(ascii: "i") || n == UInt8(ascii: "n") else { throw unknownValue() }
            return try parseNumberOrDate()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumberOrDate()
        case UInt8(ascii: "_"):
            throw failure("bad number: `_` should be surrounded by digits", at: pos, "`_` is not surrounded by digits",
                          hints: Self.integerHints)
        case UInt8(ascii: "."):
            if let n = peek(1), n.isASCIIDigit {
                throw failure("bad float: invalid format", at: pos, "integer part required before this", hints: Self.floatHints)
            }
            throw unknownValue()
        default:
            throw unknownValue()
        }
    }

    func unknownValue() -> TOMLError {
        failure("bad format: unknown value appeared", at: pos, "here")
    }

    /// Whether a value can start at the current byte.
    var atValueStart: Bool {
        guard let c = peek else { return false }
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "["), UInt8(ascii: "{"),
             UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    private mutating func parseWord(_ word: String, _ node: TOMLNode) throws(TOMLError) -> TOMLNode {
        guard looking(at: word) else { throw failure("toml::parse_boolean: ", at: pos, "the next token is not a boolean") }
        pos += word.utf8.count
        return node
    }

    // MARK: Strings

    private func badString(_ kind: String, at start: Int) -> TOMLError {
        switch kind {
        case "basic": return failure("toml::parse_basic_string: the next token is not a valid string", at: start, "here")
        case "multiline basic": return failure("toml::parse_ml_basic_string: the next token is not a valid multiline string", at: start, "here")
        case "literal": return failure("toml::parse_literal_string: the next token is not a valid literal string", at: start, "here")
        default: return failure("toml::parse_ml_literal_string: the next token is not a valid multiline literal string", at: start, "here")
        }
    }

    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw badString("basic", at: start) }
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c == UInt8(ascii: "\\") { try parseEscape(into: &out, string: "basic", start: start); continue }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw badString("basic", at: start) }
            if isBadByte(pos) { throw badByteInString() }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseEscape(into out: inout [UInt8], string kind: String, start: Int) throws(TOMLError) {
        pos += 1
        guard let e = peek else { throw badString(kind, at: start) }
        pos += 1
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            var v: UInt32 = 0
            for _ in 0..<count {
                guard let h = peek, let d = Self.hexValue(h) else { throw badString(kind, at: start) }
                v = v << 4 | UInt32(d)
                pos += 1
            }
            if (0xD800...0xDFFF).contains(v) {
                throw failure("toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8.", at: pos, "not a valid UTF-8 codepoint")
            }
            guard let scalar = Unicode.Scalar(v) else {
                throw failure("toml::read_utf8_codepoint: input codepoint is too large.", at: pos, "should be in [0x00..0x10FFFF]")
            }
            out.append(contentsOf: Array(String(scalar).utf8))
        default:
            throw badString(kind, at: start)
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - 0x41 + 10
        default: return nil
        }
    }

    /// Skips the newline right after an opening `"""` or `'''`.
    private mutating func skipFirstNewline() {
        if peek == 0x0A { pos += 1 } else if peek == 0x0D && peek(1) == 0x0A { pos += 2 }
    }

    /// At a closing run of quotes: up to two of them belong to the content.
    private mutating func closingQuotes(_ q: UInt8, into out: inout [UInt8]) -> Bool {
        var n = 0
        while peek(n) == q { n += 1 }
        guard n >= 3 else { return false }
        let extra = min(n - 3, 2)
        out.append(contentsOf: repeatElement(q, count: extra))
        pos += 3 + extra
        return true
    }

    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let start = pos
        pos += 3
        skipFirstNewline()
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw badString("multiline basic", at: start) }
            if c == UInt8(ascii: "\"") {
                if closingQuotes(c, into: &out) { break }
                out.append(c)
                pos += 1
                continue
            }
            if c == UInt8(ascii: "\\") {
                // A backslash ending a line trims the line break and the whitespace after it.
                var i = pos + 1
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                if i < bytes.count, bytes[i] == 0x0A || (bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
                    pos = i
                    while let w = peek, w == 0x20 || w == 0x09 || w == 0x0A || (w == 0x0D && peek(1) == 0x0A) { pos += 1 }
                    continue
                }
                try parseEscape(into: &out, string: "multiline basic", start: start)
                continue
            }
            if c == 0x0D && peek(1) == 0x0A { out.append(0x0D); out.append(0x0A); pos += 2; continue }
            if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { throw badString("multiline basic", at: start) }
            if isBadByte(pos) { throw badByteInString() }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = pos
        pos += 1
        while true {
            guard let c = peek else { throw badString("literal", at: start) }
            if c == UInt8(ascii: "'") { break }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw badString("literal", at: start) }
            // (Nix 2.8 itself aborts on such a byte in a literal string.)
            if isBadByte(pos) { throw badByteInString() }
            pos += 1
        }
        let s = String(decoding: bytes[(start + 1)..<pos], as: UTF8.self)
        pos += 1
        return s
    }

    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let start = pos
        pos += 3
        skipFirstNewline()
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw badString("multiline literal", at: start) }
            if c == UInt8(ascii: "'") {
                if closingQuotes(c, into: &out) { break }
                out.append(c)
                pos += 1
                continue
            }
            if c == 0x0D && peek(1) == 0x0A { out.append(0x0D); out.append(0x0A); pos += 2; continue }
            if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { throw badString("multiline literal", at: start) }
            if isBadByte(pos) { throw badByteInString() }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Arrays and inline tables

    private mutating func enter() throws(TOMLError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("toml::parse_value: arrays and inline tables nested too deeply", at: pos, "here") }
    }

    mutating func parseArray() throws(TOMLError) -> TOMLNode {
        try enter()
        defer { depth -= 1 }
        let start = pos
        pos += 1
        var items: [TOMLNode] = []
        var regions: [TOMLRegion] = []
        while true {
            try skipBlank()
            if peek == UInt8(ascii: "]") { pos += 1; break }
            guard atValueStart else {
                if peek == nil {
                    throw failure("toml::parse_array: missing array separator `,` after a value",
                                  [(TOMLRegion(start: start, end: start + 1), "array starts here"), (TOMLRegion(start: pos, end: pos + 1), "should be `,`")])
                }
                throw failure("toml::parse_array: value having invalid format appeared in an array",
                              [(TOMLRegion(start: start, end: start + 1), "array starts here"), (TOMLRegion(start: pos, end: pos + 1), "it is not a valid value.")])
            }
            let itemStart = pos
            items.append(try parseValue())
            regions.append(TOMLRegion(start: itemStart, end: pos))
            try skipBlank()
            if peek == UInt8(ascii: ",") { pos += 1; continue }
            guard peek == UInt8(ascii: "]") else {
                throw failure("toml::parse_array: missing array separator `,` after a value",
                              [(TOMLRegion(start: start, end: start + 1), "array starts here"), (TOMLRegion(start: pos, end: pos + 1), "should be `,`")])
            }
            pos += 1
            break
        }
        return .array(items, regions)
    }

    mutating func parseInlineTable() throws(TOMLError) -> TOMLNode {
        try enter()
        defer { depth -= 1 }
        pos += 1
        let table = TOMLTable(.implicit)
        skipSpaces()
        if peek == UInt8(ascii: "}") {
            pos += 1
            table.origin = .inline
            return .table(table)
        }
        while true {
            skipSpaces()
            try parseKeyValue(into: table, path: [])
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                pos += 1
                skipSpaces()
                if peek == UInt8(ascii: "}") {
                    throw failure("toml::parse_inline_table: trailing comma is not allowed in an inline table", at: pos, "should be `}`")
                }
                continue
            }
            if peek == UInt8(ascii: "}") {
                pos += 1
                break
            }
            if atLineEnd { throw failure("toml::parse_inline_table: missing curly brace `}`", at: pos, "should be `}`") }
            throw failure("toml::parse_inline_table: missing table separator `,`", at: pos, "should be `,`")
        }
        Self.close(table)
        return .table(table)
    }

    /// Marks an inline table and the tables inside it as closed to additions.
    private static func close(_ table: TOMLTable) {
        var pending = [table]
        while let t = pending.popLast() {
            t.origin = .inline
            for (_, v) in t.entries { if case .table(let sub) = v { pending.append(sub) } }
        }
    }
}
