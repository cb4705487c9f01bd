// A TOML 1.0 reader for `builtins.fromTOML`, producing the values Nix 2.8
// produces: tables become sets, arrays lists, and numbers follow Nix's TOML
// library where it departs from the letter of the spec (integers out of
// range saturate at the 64-bit limits, floats out of range become the
// largest finite double, a table made by dotted keys may be reopened by a
// [header], the parents an [[array]] header creates count as defined).
// Dates and times are read but refused, as Nix refuses them. Errors are
// worded and laid out as Nix's TOML library words them for the common
// mistakes (TOMLParser+Errors.swift); rarer ones keep that layout with
// Roost's own words.
//
// This file: the document, table headers and key/value lines.

import NixSyntax

struct TOMLError: Error {
    let message: String
}

/// A byte range of the document, for error excerpts.
struct TOMLRegion {
    var start: Int
    var end: Int
}

/// A parsed TOML value before it becomes a Nix value.
indirect enum TOMLNode {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date or time, by its kind (local_date, local_time, local_datetime, offset_datetime).
    case dateTime(String)
    /// The items and where each is written.
    case array([TOMLNode], [TOMLRegion])
    case table(TOMLTable)
    /// `[[name]]` tables.
    case tables(TOMLTableArray)

    /// The type name Nix's TOML library uses in messages.
    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "floating"
        case .boolean: return "boolean"
        case .dateTime(let kind): return kind
        case .array, .tables: return "array"
        case .table: return "table"
        }
    }
}

/// The tables of `[[name]]` (in a box, so adding one does not copy the others).
final class TOMLTableArray {
    var items: [TOMLTable]
    /// The first `[[name]]` header.
    let region: TOMLRegion
    init(_ items: [TOMLTable], region: TOMLRegion) {
        self.items = items
        self.region = region
    }
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
    /// The header that defined the table, if one did.
    var definedAt: TOMLRegion?
    private(set) var keys: [String] = []
    private(set) var values: [ExactString: TOMLNode] = [:]
    /// Where each key's value (or defining key or header) is written.
    private(set) var regions: [ExactString: TOMLRegion] = [:]

    init(_ origin: Origin) { self.origin = origin }

    subscript(key: String) -> TOMLNode? { values[ExactString(key)] }

    func set(_ key: String, _ node: TOMLNode, at region: TOMLRegion) {
        let exact = ExactString(key)
        if values[exact] == nil {
            keys.append(key)
            regions[exact] = region
        }
        values[exact] = node
    }

    func region(_ key: String) -> TOMLRegion { regions[ExactString(key)] ?? TOMLRegion(start: 0, end: 0) }

    var entries: [(String, TOMLNode)] { keys.compactMap { k in values[ExactString(k)].map { (k, $0) } } }
}

extension TOMLNode {
    /// Nix's TOML library walks into a written array whose last item is a
    /// table as if it were an array of tables (`a = [{x=1}]` then `a.y = 2`).
    var lastTableOfArray: TOMLTable? {
        if case .array(let items, _) = self, case .table(let t)? = items.last { return t }
        return nil
    }

    /// What a path that cannot go through this value reports: its last item if it is an array.
    func blocking(at region: TOMLRegion) -> (TOMLRegion, String) {
        if case .array(let items, let regions) = self, let last = items.last, let r = regions.last {
            return (r, "actual type is \(last.typeName)")
        }
        return (region, "actual type is \(typeName)")
    }
}

struct TOMLParser {
    let bytes: [UInt8]
    var pos = 0
    let root = TOMLTable(.header)
    /// The table that key/value lines go into, its path and its header.
    var current: TOMLTable
    var currentPath: [String] = []
    var currentHeader: TOMLRegion?
    /// Tables a [header] defined (or an [[array]] header created), by identity.
    var defined: Set<ObjectIdentifier> = []
    /// The section whose lines are being read.
    var pending: TOMLSection?
    /// Nesting of arrays and inline tables, capped so input cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 1_000

    /// Offsets of the bytes that are not part of valid UTF-8 (empty for text).
    let badBytes: Set<Int>

    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        badBytes = String(validating: bytes, as: UTF8.self) == nil ? Self.invalidOffsets(bytes) : []
        current = root
    }

    /// Where `bytes` breaks UTF-8: each byte of an ill-formed sequence.
    static func invalidOffsets(_ bytes: [UInt8]) -> Set<Int> {
        var out: Set<Int> = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var index = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): index += encoded.count
            case .error(let length):
                for i in index..<(index + length) { out.insert(i) }
                index += length
            case .emptyInput: return out
            }
        }
    }

    /// True at a byte that is not part of valid UTF-8.
    func isBadByte(_ offset: Int) -> Bool { !badBytes.isEmpty && badBytes.contains(offset) }

    /// Nix's TOML library refuses such a byte in any string, with one message
    /// (naming the multi-line parser whichever kind of string it is in).
    func badByteInString() -> TOMLError {
        failure("parse_ml_basic_string: invalid utf8 sequence found", at: pos, "here")
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

    /// At a line break, a comment or the end of the input.
    var atLineEnd: Bool {
        guard let c = peek else { return true }
        return c == 0x0A || c == UInt8(ascii: "#") || (c == 0x0D && peek(1) == 0x0A)
    }

    mutating func skipSpaces() {
        while let c = peek, c == 0x20 || c == 0x09 { pos += 1 }
    }

    mutating func skipComment() throws(TOMLError) {
        guard peek == UInt8(ascii: "#") else { return }
        pos += 1
        while let c = peek, c != 0x0A {
            if c == 0x0D && peek(1) == 0x0A { break }
            // A comment ends before a byte that is not UTF-8; the caller then meets that byte.
            if isBadByte(pos) { return }
            if (c < 0x20 && c != 0x09) || c == 0x7F { throw failure("bad format: control character in a comment", at: pos, "here") }
            pos += 1
        }
    }

    /// Consumes a line break; false at the end of the input.
    mutating func consumeNewline() -> Bool {
        if peek == 0x0A { pos += 1; return true }
        if peek == 0x0D && peek(1) == 0x0A { pos += 2; return true }
        return false
    }

    /// Spaces, comments and line breaks (inside arrays).
    mutating func skipBlank() throws(TOMLError) {
        while true {
            skipSpaces()
            try skipComment()
            if !consumeNewline() { return }
        }
    }

    // MARK: Document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        if looking(at: "\u{FEFF}") { pos += 3 }
        while pos < bytes.count {
            skipSpaces()
            guard let c = peek else { break }
            if atLineEnd {
                let lineStart = pos
                try skipComment()
                if isBadByte(pos) {
                    // A comment line with such a byte reads to Nix's library as a bad key:
                    // at the comment on the first line, at the byte on any later one.
                    throw invalidKey(at: bytes[..<lineStart].contains(0x0A) ? pos : lineStart)
                }
                if !consumeNewline() && pos < bytes.count {
                    throw failure("toml::parse_table: invalid line format", at: pos, "expected newline, but got '\(Self.show(c))'.")
                }
                continue
            }
            if c == UInt8(ascii: "[") {
                let end = try startSection(array: peek(1) == UInt8(ascii: "["))
                skipSpaces()
                try skipComment()
                if !consumeNewline() && pos < bytes.count {
                    throw failure("toml::parse_table_key: newline required after [table.key]", at: end, "expected newline")
                }
            } else {
                try parseKeyValue(into: current, path: currentPath)
                skipSpaces()
                try skipComment()
                if !consumeNewline(), let bad = peek {
                    throw failure("toml::parse_table: invalid line format", at: pos, "expected newline, but got '\(Self.show(bad))'.")
                }
            }
        }
        try finishSection()
        return root
    }

    static func show(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return String(UnicodeScalar(c)) }
        let hex = String(c, radix: 16)
        return "0x" + (hex.count < 2 ? "0" : "") + hex
    }

    // MARK: Keys

    /// A dotted key; a part after a dot that is not a key ends it (the caller then finds no `=`).
    /// Nil when not even the first part is a key.
    mutating func parseKey() throws(TOMLError) -> [String]? {
        guard let first = try parseSimpleKey() else { return nil }
        var parts = [first]
        while true {
            if parts.count + depth > Self.maxDepth { throw failure("toml::parse_key: keys nested too deeply", at: pos, "here") }
            let save = pos
            skipSpaces()
            guard peek == UInt8(ascii: ".") else { pos = save; break }
            let dot = pos
            pos += 1
            skipSpaces()
            guard let next = try parseSimpleKey() else { pos = dot; break }
            parts.append(next)
        }
        return parts
    }

    mutating func parseSimpleKey() throws(TOMLError) -> String? {
        guard let c = peek else { return nil }
        if c == UInt8(ascii: "\"") {
            if looking(at: "\"\"\"") { return nil }
            return try parseBasicString()
        }
        if c == UInt8(ascii: "'") {
            if looking(at: "'''") { return nil }
            return try parseLiteralString()
        }
        let start = pos
        while let b = peek, b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") { pos += 1 }
        guard pos > start else { return nil }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    // MARK: Key/value lines

    mutating func parseKeyValue(into table: TOMLTable, path prefix: [String]) throws(TOMLError) {
        let start = pos
        if peek == UInt8(ascii: "=") {
            throw failure("toml::parse_key_value_pair: empty key is not allowed.", at: pos, "key expected before '='")
        }
        guard let path = try parseKey() else { throw invalidKey(at: start) }
        let keyRegion = TOMLRegion(start: start, end: pos)
        let keyEnd = pos
        skipSpaces()
        guard peek == UInt8(ascii: "=") else {
            if restOfLineHasEquals() {
                throw failure("toml::parse_key_value_pair: invalid format for key", at: keyEnd, "invalid character in key",
                              hints: ["Did you forget '.' to separate dotted-key?", "Allowed characters for bare key are [0-9a-zA-Z_-]."])
            }
            throw failure("toml::parse_key_value_pair: missing key-value separator `=`", at: keyEnd, "should be `=`")
        }
        pos += 1
        skipSpaces()
        if atLineEnd {
            throw failure("toml::parse_key_value_pair: missing value after key-value separator '='", at: pos, "expected value, but got nothing")
        }
        let valueStart = pos
        let value = try parseValue()
        let valueRegion = TOMLRegion(start: valueStart, end: pos)
        var t = table
        var walked: [String] = []
        for key in path.dropLast() {
            walked.append(key)
            switch t[key] {
            case nil:
                let sub = TOMLTable(.implicit)
                t.set(key, .table(sub), at: keyRegion)
                t = sub
            case .table(let sub)?:
                if sub.origin == .inline {
                    throw failure("toml::insert_value: inserting to an inline table (\(walked.joined(separator: "."))) but inline tables are immutable",
                                  [(t.region(key), "inline tables are immutable"), (valueRegion, "inserting this")])
                }
                if defined.contains(ObjectIdentifier(sub)), let first = sub.definedAt {
                    throw failure("toml::insert_value: value (\"\(prefix.joined(separator: "."))\") already exists.",
                                  [(first, "already exists here"), (currentHeader ?? keyRegion, "this defined twice")])
                }
                t = sub
            case let other?:
                if let sub = other.lastTableOfArray {
                    t = sub
                    continue
                }
                throw failure("toml::insert_value: target (\(walked.joined(separator: "."))) is neither table nor an array of tables",
                              [other.blocking(at: t.region(key)), (valueRegion, "inserting this")])
            }
        }
        guard let last = path.last else { return }
        if let existing = t[last] {
            // Nix's TOML library speaks of a table when both are tables.
            var what = "value"
            if case .table = existing, case .table = value { what = "table" }
            throw failure("toml::insert_value: \(what) (\"\(path.joined(separator: "."))\") already exists.",
                          [(t.region(last), "\(what) already exists here"), (valueRegion, "\(what) defined twice")])
        }
        t.set(last, value, at: valueRegion)
    }

    private func restOfLineHasEquals() -> Bool {
        var i = pos
        while i < bytes.count && bytes[i] != 0x0A {
            if bytes[i] == UInt8(ascii: "=") { return true }
            i += 1
        }
        return false
    }
}
