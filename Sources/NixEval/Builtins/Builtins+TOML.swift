// Builtins: fromTOML, on the reader in TOMLParser*.swift. A TOML document
// becomes a set; dates and times are refused, as Nix 2.8 refuses them.

import NixSyntax

extension Builtins {
    static var toml: [PrimOp] { [
        PrimOp("fromTOML", arity: 1,
               doc: "The set a TOML document denotes (dates and times are not supported).") { ev, args, span in
            let text = try ev.contextFreeString(args[0], at: span)
            var parser = TOMLParser(bytes: text.bytes)
            do {
                let root = try parser.parseDocument()
                return try tomlValue(.table(root), ev)
            } catch let e as TOMLError {
                throw EvalError("while parsing a TOML string: \(e.message)", at: span)
            }
        },
    ] }

    /// Nesting is capped by the parser, so this recursion is bounded.
    private static func tomlValue(_ node: TOMLNode, _ ev: Evaluator) throws(TOMLError) -> Value {
        switch node {
        case .string(let s):
            // Nix strings end at a NUL byte.
            if let nul = s.utf8.firstIndex(of: 0) { return .string(String(decoding: s.utf8[..<nul], as: UTF8.self)) }
            return .string(s)
        case .integer(let i): return .int(i)
        case .float(let d): return .float(d)
        case .boolean(let b): return .bool(b)
        case .dateTime: throw TOMLError(message: "Dates and times are not supported")
        case .array(let items, _):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try tomlValue(item, ev)) }
            return .list(out)
        case .tables(let tables):
            var out: [Value] = []
            for t in tables.items { out.append(try tomlValue(.table(t), ev)) }
            return .list(out)
        case .table(let table):
            var attrs: [Attr] = []
            for (key, value) in table.entries {
                attrs.append(Attr(name: ev.symbols.intern(key), value: try tomlValue(value, ev)))
            }
            return .attrs(Attrs(unsorted: attrs))
        }
    }
}
