// Values as nix-instantiate prints them: `{ a = 1; b = <CODE>; }`,
// `[ 1 2 ]`, `<LAMBDA>`, `<PRIMOP>`, `<PRIMOP-APP>`, strings escaped, floats
// as `%g`, attribute names in byte order (quoted unless identifiers), and a
// set or list met again printed as «repeated», keyed the way Nix keys it
// (a set's bindings; a long list's elements; a short list's value cell).
// Printing never forces anything: unevaluated parts show as <CODE>.

import NixSyntax

extension Evaluator {
    /// The text nix-instantiate prints for a value (without the final newline).
    public func printValue(_ value: Value, strict: Bool = false) throws -> String {
        var p = ValuePrinter(ev: self)
        try p.print(value, via: nil)
        return p.out
    }
}

struct ValuePrinter {
    let ev: Evaluator
    var out = ""
    var seen = Set<UInt>()

    init(ev: Evaluator) { self.ev = ev }

    mutating func print(_ value: Value, via thunk: Thunk?) throws {
        switch value {
        case .thunk(let t):
            if let v = t.evaluatedValue { try print(v, via: t) } else { out += "<CODE>" }
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += FloatFormat.shortest6(d)
        case .string(let s): ValuePrinter.appendQuoted(s.string, to: &out)
        case .path(let p): out += p.string
        case .lambda: out += "<LAMBDA>"
        case .primop: out += "<PRIMOP>"
        case .primopApp: out += "<PRIMOP-APP>"
        case .attrs(let attrs):
            if !attrs.isEmpty && !seen.insert(UInt(bitPattern: ObjectIdentifier(attrs))).inserted {
                out += "«repeated»"
                return
            }
            try ev.enter(.none)
            defer { ev.depth &-= 1 }
            out += "{ "
            for a in attrs.sortedByName(ev.symbols) {
                ValuePrinter.appendAttrName(ev.symbols.name(a.name), to: &out)
                out += " = "
                try print(a.value, via: nil)
                out += "; "
            }
            out += "}"
        case .list(let items):
            if let key = ValuePrinter.listKey(items, via: thunk), !seen.insert(key).inserted {
                out += "«repeated»"
                return
            }
            try ev.enter(.none)
            defer { ev.depth &-= 1 }
            out += "[ "
            for item in items {
                try print(item, via: nil)
                out += " "
            }
            out += "]"
        }
    }

    /// Nix stores lists of one or two elements inside the value cell and longer
    /// ones in a shared array; «repeated» follows that identity.
    static func listKey(_ items: [Value], via thunk: Thunk?) -> UInt? {
        if items.isEmpty { return nil }
        if items.count <= 2 {
            guard let t = thunk else { return nil }
            return UInt(bitPattern: ObjectIdentifier(t))
        }
        return items.withUnsafeBufferPointer { buf in buf.baseAddress.map { UInt(bitPattern: $0) } }
    }

    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        var bytes = Array(s.utf8)
        bytes.append(0)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count - 1 {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""): chunk += [0x5C, c]
            case UInt8(ascii: "\\"): chunk += [0x5C, c]
            case UInt8(ascii: "\n"): chunk += [0x5C, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): chunk += [0x5C, UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): chunk += [0x5C, UInt8(ascii: "t")]
            case UInt8(ascii: "$") where bytes[i + 1] == UInt8(ascii: "{"): chunk += [0x5C, c]
            default: chunk.append(c)
            }
            i += 1
        }
        out += String(decoding: chunk, as: UTF8.self)
        out += "\""
    }

    /// An identifier as is, anything else (and `if`) quoted; unlike string values,
    /// Nix escapes every `$` in a quoted name.
    static func appendAttrName(_ name: String, to out: inout String) {
        if isPlainIdentifier(name) {
            out += name
            return
        }
        appendQuotedName(name, to: &out)
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

    static func isPlainIdentifier(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard let first = u.first, name != "if" else { return false }
        func letter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
        guard letter(first) else { return false }
        for c in u.dropFirst() where !(letter(c) || (c >= 0x30 && c <= 0x39) || c == 0x27 || c == 0x2D) {
            return false
        }
        return true
    }
}
