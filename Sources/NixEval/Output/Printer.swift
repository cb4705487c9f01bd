// Values as nix-instantiate prints them: `{ a = 1; b = <CODE>; }`,
// `[ 1 2 ]`, `<LAMBDA>`, `<PRIMOP>`, `<PRIMOP-APP>`, strings escaped, floats
// as `%g`, attribute names in byte order (quoted unless identifiers), and a
// set or list met again printed as «repeated», keyed the way Nix keys it
// (a set's bindings; a long list's elements; a short list's value cell).
// Printing never forces anything: unevaluated parts show as <CODE>.
// The output is bytes: a string that is not UTF-8 is printed as its bytes.

import NixSyntax

extension Evaluator {
    /// The text nix-instantiate prints for a value (without the final
    /// newline); bytes that are not UTF-8 are shown as U+FFFD.
    public func printValue(_ value: Value, strict: Bool = false) throws -> String {
        String(decoding: try printValueBytes(value), as: UTF8.self)
    }

    /// The bytes nix-instantiate prints for a value (without the final newline).
    public func printValueBytes(_ value: Value) throws -> [UInt8] {
        var p = ValuePrinter(ev: self)
        try p.print(value, via: nil)
        return p.out
    }
}

struct ValuePrinter {
    let ev: Evaluator
    var out: [UInt8] = []
    var seen = Set<UInt>()

    init(ev: Evaluator) { self.ev = ev }

    mutating func print(_ value: Value, via thunk: Thunk?) throws {
        switch value {
        case .thunk(let t):
            if let v = t.evaluatedValue { try print(v, via: t) } else { add("<CODE>") }
        case .null: add("null")
        case .bool(let b): add(b ? "true" : "false")
        case .int(let i): add(String(i))
        case .float(let d): add(FloatFormat.shortest6(d))
        case .string(let s): s.withBytes { ValuePrinter.appendQuoted(bytes: $0, to: &out) }
        case .path(let p): out.append(contentsOf: p.bytes)
        case .lambda: add("<LAMBDA>")
        case .primop: add("<PRIMOP>")
        case .primopApp: add("<PRIMOP-APP>")
        case .attrs(let attrs):
            if !attrs.isEmpty && !seen.insert(attrs.identity).inserted {
                add("«repeated»")
                return
            }
            try ev.enter(.none)
            defer { ev.depth &-= 1 }
            add("{ ")
            for a in attrs.sortedByName(ev.symbols) {
                ev.symbols.nameString(a.name).withBytes { ValuePrinter.appendAttrName(bytes: $0, to: &out) }
                add(" = ")
                try print(a.value, via: nil)
                add("; ")
            }
            add("}")
        case .list(let items):
            if let key = ValuePrinter.listKey(items.elements, via: thunk), !seen.insert(key).inserted {
                add("«repeated»")
                return
            }
            try ev.enter(.none)
            defer { ev.depth &-= 1 }
            add("[ ")
            for item in items {
                try print(item, via: nil)
                out.append(UInt8(ascii: " "))
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    @inline(__always)
    mutating func add(_ text: String) { out.append(contentsOf: text.utf8) }

    /// Nix stores lists of one or two elements inside the value cell and longer
    /// ones in a shared array; «repeated» follows that identity.
    static func listKey(_ items: [Value], via thunk: Thunk?) -> UInt? {
        if items.isEmpty { return nil }
        if items.count <= 2 {
            guard let t = thunk else { return nil }
            return t.identity
        }
        return items.withUnsafeBufferPointer { buf in buf.baseAddress.map { UInt(bitPattern: $0) } }
    }

    /// A string value quoted and escaped as Nix prints it (`${` escaped,
    /// a lone `$` not); other bytes, UTF-8 or not, pass through.
    static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole.
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            let escaped: UInt8
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escaped = c
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "$") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "{"): escaped = c
            default:
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            out.append(0x5C)
            out.append(escaped)
            i += 1
            runStart = i
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        out.append(UInt8(ascii: "\""))
    }

    /// An identifier as is, anything else (and `if`) quoted; unlike string values,
    /// Nix escapes every `$` in a quoted name.
    static func appendAttrName(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if isPlainIdentifier(bytes) {
            out.append(contentsOf: bytes)
            return
        }
        out.append(UInt8(ascii: "\""))
        for c in bytes {
            switch c {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "$"): out.append(0x5C); out.append(c)
            case UInt8(ascii: "\n"): out.append(0x5C); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(0x5C); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(0x5C); out.append(UInt8(ascii: "t"))
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `"name"` with `\`, `"`, `$` and control characters escaped, as Nix
    /// writes attribute names and the strings of a shown expression.
    static func appendQuotedName(_ name: String, to out: inout String) {
        out += "\""
        for c in name.unicodeScalars {
            switch c {
            case "\\", "\"", "$": out += "\\" + String(c)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        out += "\""
    }

    static func isPlainIdentifier(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = u.first, !(u.count == 2 && u[0] == UInt8(ascii: "i") && u[1] == UInt8(ascii: "f")) else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
        guard letter(first) else { return false }
        for c in u.dropFirst() where !(letter(c) || (c >= 0x30 && c <= 0x39) || c == 0x27 || c == 0x2D) {
            return false
        }
        return true
    }
}
