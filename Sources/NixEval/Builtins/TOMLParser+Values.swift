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
        guard let c = peek else { throw error("expected a value, found the end of the input") }
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
        case UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumberOrDate()
        case 0x0A, 0x0D:
            throw error("expected a value after '=', found the end of the line")
        default:
            throw error("expected a value, found '\(Self.show(c))'")
        }
    }

    private mutating func parseWord(_ word: String, _ node: TOMLNode) throws(TOMLError) -> TOMLNode {
        guard looking(at: word) else { throw error("expected a value ('\(word)'?)") }
        pos += word.utf8.count
        return node
    }

    // MARK: Strings

    mutating func parseBasicString() throws(TOMLError) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw error("unterminated string") }
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c == UInt8(ascii: "\\") { try parseEscape(into: &out); continue }
            if c == 0x0A || c == 0x0D { throw error("newline in a single-line string") }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw error("control character in a string; write it as an escape") }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = pos
        pos += 1
        guard let e = peek else { throw error("unterminated string") }
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
                guard let h = peek, let d = Self.hexValue(h) else { throw error("'\\\(Self.show(e))' must be followed by \(count) hex digits", at: start) }
                v = v << 4 | UInt32(d)
                pos += 1
            }
            guard let scalar = Unicode.Scalar(v) else { throw error("'\\\(Self.show(e))' escape is not a Unicode scalar value", at: start) }
            out.append(contentsOf: Array(String(scalar).utf8))
        default:
            throw error("invalid escape '\\\(Self.show(e))' in a string", at: start)
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
        pos += 3
        skipFirstNewline()
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw error("unterminated multi-line string") }
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
                try parseEscape(into: &out)
                continue
            }
            if c == 0x0D && peek(1) == 0x0A { out.append(0x0D); out.append(0x0A); pos += 2; continue }
            if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { throw error("control character in a string; write it as an escape") }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseLiteralString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while true {
            guard let c = peek else { throw error("unterminated literal string") }
            if c == UInt8(ascii: "'") { break }
            if c == 0x0A || c == 0x0D { throw error("newline in a single-line string") }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw error("control character in a literal string") }
            pos += 1
        }
        let s = String(decoding: bytes[start..<pos], as: UTF8.self)
        pos += 1
        return s
    }

    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        pos += 3
        skipFirstNewline()
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw error("unterminated multi-line literal string") }
            if c == UInt8(ascii: "'") {
                if closingQuotes(c, into: &out) { break }
                out.append(c)
                pos += 1
                continue
            }
            if c == 0x0D && peek(1) == 0x0A { out.append(0x0D); out.append(0x0A); pos += 2; continue }
            if (c < 0x20 && c != 0x09 && c != 0x0A) || c == 0x7F { throw error("control character in a literal string") }
            out.append(c)
            pos += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Arrays and inline tables

    private mutating func enter() throws(TOMLError) {
        depth += 1
        if depth > Self.maxDepth { throw error("arrays and inline tables nested too deeply") }
    }

    mutating func parseArray() throws(TOMLError) -> TOMLNode {
        try enter()
        defer { depth -= 1 }
        pos += 1
        var items: [TOMLNode] = []
        while true {
            try skipBlank()
            guard let c = peek else { throw error("unterminated array") }
            if c == UInt8(ascii: "]") { pos += 1; break }
            items.append(try parseValue())
            try skipBlank()
            if peek == UInt8(ascii: ",") { pos += 1; continue }
            guard peek == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
            pos += 1
            break
        }
        return .array(items)
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
            try parseKeyValue(into: table)
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                pos += 1
                skipSpaces()
                if peek == UInt8(ascii: "}") { throw error("trailing comma is not allowed in an inline table") }
                continue
            }
            guard peek == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an inline table") }
            pos += 1
            break
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
