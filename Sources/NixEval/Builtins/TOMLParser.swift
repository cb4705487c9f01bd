// A TOML 1.0 reader for `builtins.fromTOML`, producing the values Nix 2.8
// produces: tables become sets, arrays lists, and numbers follow Nix's TOML
// library where it departs from the letter of the spec (integers out of
// range saturate at the 64-bit limits, floats out of range become the
// largest finite double, a table made by dotted keys may be reopened by a
// [header]). Dates and times are read but refused, as Nix refuses them.
//
// It does not reproduce the wording of Nix's TOML errors: its own messages
// name the line and column and what was expected there.

struct TOMLError: Error {
    let message: String
}

/// A parsed TOML value before it becomes a Nix value.
indirect enum TOMLNode {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case dateTime
    case array([TOMLNode])
    case table(TOMLTable)
    /// `[[name]]` tables (in a box, so adding one does not copy the others).
    case tables(TOMLTableArray)
}

final class TOMLTableArray {
    var items: [TOMLTable]
    init(_ items: [TOMLTable]) { self.items = items }
}

final class TOMLTable {
    enum Origin {
        /// Made as the parent of a [header] or by dotted keys: may still be defined by a header once.
        case implicit
        /// Defined by a [header] or an array-of-tables element.
        case header
        /// Written inline (`{ … }`): closed to additions.
        case inline
    }

    var origin: Origin
    private(set) var keys: [String] = []
    private(set) var values: [String: TOMLNode] = [:]

    init(_ origin: Origin) { self.origin = origin }

    subscript(key: String) -> TOMLNode? {
        get { values[key] }
        set {
            if values[key] == nil { keys.append(key) }
            values[key] = newValue
        }
    }

    var entries: [(String, TOMLNode)] { keys.compactMap { k in values[k].map { (k, $0) } } }
}

struct TOMLParser {
    let bytes: [UInt8]
    var pos = 0
    let root = TOMLTable(.header)
    /// The table that key/value lines go into.
    var current: TOMLTable
    /// Tables a [header] defined, by identity, so a second definition is refused.
    var defined: Set<ObjectIdentifier> = []
    /// Nesting of arrays and inline tables, capped so input cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 1_000

    init(_ text: String) {
        bytes = Array(text.utf8)
        current = root
    }

    // MARK: Positions and errors

    func location(_ at: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        while i < min(at, bytes.count) {
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return (line, column)
    }

    func error(_ message: String, at: Int? = nil) -> TOMLError {
        let (line, column) = location(at ?? pos)
        return TOMLError(message: "line \(line), column \(column): \(message)")
    }

    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    func peek(_ offset: Int) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }

    func looking(at text: String) -> Bool {
        var i = pos
        for b in text.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    // MARK: Whitespace, comments, line ends

    mutating func skipSpaces() {
        while let c = peek, c == 0x20 || c == 0x09 { pos += 1 }
    }

    mutating func skipComment() throws(TOMLError) {
        guard peek == UInt8(ascii: "#") else { return }
        pos += 1
        while let c = peek, c != 0x0A {
            if c == 0x0D && peek(1) == 0x0A { break }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw error("control character in a comment") }
            pos += 1
        }
    }

    /// Consumes a newline (LF or CRLF); false at the end of input.
    mutating func newline() throws(TOMLError) -> Bool {
        guard let c = peek else { return false }
        if c == 0x0A { pos += 1; return true }
        if c == 0x0D && peek(1) == 0x0A { pos += 2; return true }
        throw error("expected the end of the line, found '\(Self.show(c))'")
    }

    /// Spaces, comments and newlines (inside arrays).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipSpaces()
            try skipComment()
            guard let c = peek else { return }
            if c == 0x0A { pos += 1 } else if c == 0x0D && peek(1) == 0x0A { pos += 2 } else { return }
        }
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16)
    }

    // MARK: Document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if looking(at: "\u{FEFF}") { pos += 3 }
        while pos < bytes.count {
            skipSpaces()
            guard let c = peek else { break }
            if c == UInt8(ascii: "#") || c == 0x0A || c == 0x0D {
                try skipComment()
                _ = try newline()
                continue
            }
            if c == UInt8(ascii: "[") {
                if peek(1) == UInt8(ascii: "[") { try parseArrayTableHeader() } else { try parseTableHeader() }
            } else {
                try parseKeyValue(into: current)
            }
            skipSpaces()
            try skipComment()
            _ = try newline()
        }
        return root
    }

    mutating func parseTableHeader() throws(TOMLError) {
        let start = pos
        pos += 1
        skipSpaces()
        let path = try parseKey()
        skipSpaces()
        guard peek == UInt8(ascii: "]") else { throw error("expected ']' to close the table header") }
        pos += 1
        var table = root
        for (i, key) in path.enumerated() {
            let last = i == path.count - 1
            switch table[key] {
            case nil:
                let t = TOMLTable(last ? .header : .implicit)
                table[key] = .table(t)
                table = t
            case .table(let t)?:
                if t.origin == .inline { throw error("cannot add to the inline table '\(key)'", at: start) }
                if last {
                    if defined.contains(ObjectIdentifier(t)) { throw error("table '\(path.joined(separator: "."))' is defined twice", at: start) }
                    t.origin = .header
                }
                table = t
            case .tables(let ts)?:
                if last { throw error("'\(key)' is already an array of tables", at: start) }
                guard let lastTable = ts.items.last else { throw error("empty array of tables '\(key)'", at: start) }
                table = lastTable
            default:
                throw error("key '\(key)' is already defined as a value", at: start)
            }
        }
        defined.insert(ObjectIdentifier(table))
        current = table
    }

    mutating func parseArrayTableHeader() throws(TOMLError) {
        let start = pos
        pos += 2
        skipSpaces()
        let path = try parseKey()
        skipSpaces()
        guard looking(at: "]]") else { throw error("expected ']]' to close the array-of-tables header") }
        pos += 2
        var table = root
        for (i, key) in path.enumerated() {
            let last = i == path.count - 1
            switch table[key] {
            case nil:
                if last {
                    let t = TOMLTable(.header)
                    table[key] = .tables(TOMLTableArray([t]))
                    table = t
                } else {
                    // Nix's TOML library counts the parents an [[array]] header creates as defined.
                    let t = TOMLTable(.implicit)
                    table[key] = .table(t)
                    defined.insert(ObjectIdentifier(t))
                    table = t
                }
            case .tables(let ts)?:
                if last {
                    let t = TOMLTable(.header)
                    ts.items.append(t)
                    table = t
                } else {
                    guard let lastTable = ts.items.last else { throw error("empty array of tables '\(key)'", at: start) }
                    table = lastTable
                }
            case .table(let t)?:
                if last { throw error("'\(key)' is already a table, not an array of tables", at: start) }
                if t.origin == .inline { throw error("cannot add to the inline table '\(key)'", at: start) }
                table = t
            default:
                throw error("key '\(key)' is already defined as a value, not an array of tables", at: start)
            }
        }
        current = table
    }

    // MARK: Keys and key/value pairs

    /// A dotted key: one or more simple keys separated by dots.
    mutating func parseKey() throws(TOMLError) -> [String] {
        var parts = [try parseSimpleKey()]
        while true {
            if parts.count + depth > Self.maxDepth { throw error("keys nested too deeply") }
            let save = pos
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { pos = save; break }
            pos += 1
            skipSpaces()
            parts.append(try parseSimpleKey())
        }
        return parts
    }

    mutating func parseSimpleKey() throws(TOMLError) -> String {
        guard let c = peek else { throw error("expected a key, found the end of the input") }
        if c == UInt8(ascii: "\"") {
            if looking(at: "\"\"\"") { throw error("a key cannot be a multi-line string") }
            return try parseBasicString()
        }
        if c == UInt8(ascii: "'") {
            if looking(at: "'''") { throw error("a key cannot be a multi-line string") }
            return try parseLiteralString()
        }
        let start = pos
        while let b = peek, b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") { pos += 1 }
        guard pos > start else { throw error("expected a key, found '\(Self.show(c))'") }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    mutating func parseKeyValue(into table: TOMLTable) throws(TOMLError) {
        let start = pos
        let path = try parseKey()
        skipSpaces()
        guard peek == UInt8(ascii: "=") else { throw error("expected '=' after the key") }
        pos += 1
        skipSpaces()
        let value = try parseValue()
        var t = table
        for key in path.dropLast() {
            switch t[key] {
            case nil:
                let sub = TOMLTable(.implicit)
                t[key] = .table(sub)
                t = sub
            case .table(let sub)?:
                if sub.origin == .inline { throw error("cannot add to the inline table '\(key)'", at: start) }
                if defined.contains(ObjectIdentifier(sub)) {
                    throw error("cannot add to the table '\(key)' defined by a header elsewhere", at: start)
                }
                t = sub
            default:
                throw error("key '\(key)' is already defined as a value", at: start)
            }
        }
        guard let last = path.last else { return }
        if t[last] != nil { throw error("key '\(path.joined(separator: "."))' is defined twice", at: start) }
        t[last] = value
    }
}
