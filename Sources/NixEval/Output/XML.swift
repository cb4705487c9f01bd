// XML output of values: `builtins.toXML` and `roost eval --xml`, byte for
// byte as Nix 2.8 writes it: two-space indentation, attributes sorted by
// name, derivations as <derivation> with a derivation printed once and
// <repeated /> after that, functions with their argument pattern, and (for
// `--xml`) the file, line and column of attributes and functions. Without
// `strict`, values not yet evaluated print as <unevaluated />. The printer
// keeps its own stack, so deep values cannot overflow the native one.

import NixSyntax

extension Evaluator {
    /// The XML text of a value, exactly as Nix writes it (`strict`: force deeply first).
    /// Positions of attributes and functions are included, as `nix-instantiate --xml` does.
    public func printXML(_ value: Value, at span: Span, strict: Bool) throws -> String {
        String(decoding: try printXMLBytes(value, at: span, strict: strict), as: UTF8.self)
    }

    /// `printXML` as bytes: strings that are not UTF-8 are written as they are, as Nix does.
    public func printXMLBytes(_ value: Value, at span: Span, strict: Bool) throws -> [UInt8] {
        var writer = XMLValueWriter(evaluator: self, span: span, strict: strict, location: true)
        try writer.write(value)
        return writer.out
    }

    /// The XML of a value without positions as a Nix string with the
    /// context of every string written (toXML).
    func xmlString(_ value: Value, at span: Span, strict: Bool) throws -> NixString {
        var writer = XMLValueWriter(evaluator: self, span: span, strict: strict, location: false)
        try writer.write(value)
        return NixString(bytes: writer.out, context: writer.context)
    }
}

private struct XMLValueWriter {
    enum Work {
        case value(Value)
        case close(String)
        case list([Value], Int)
        case attrs([Attr], Int)
    }

    let evaluator: Evaluator
    let span: Span
    let strict: Bool
    let location: Bool
    var out: [UInt8] = []
    var context = StringContext.empty
    var depth = 0
    var derivationsSeen: Set<String> = []
    var work: [Work] = []

    init(evaluator: Evaluator, span: Span, strict: Bool, location: Bool) {
        self.evaluator = evaluator
        self.span = span
        self.strict = strict
        self.location = location
    }

    mutating func write(_ root: Value) throws {
        out.append(contentsOf: "<?xml version='1.0' encoding='utf-8'?>\n".utf8)
        open("expr")
        work.append(.close("expr"))
        work.append(.value(root))
        while let item = work.popLast() {
            switch item {
            case .close(let name):
                close(name)
            case .list(let items, let i):
                guard i < items.count else { continue }
                work.append(.list(items, i + 1))
                work.append(.value(items[i]))
            case .attrs(let attrs, let i):
                guard i < attrs.count else { continue }
                work.append(.attrs(attrs, i + 1))
                var xmlAttrs = [("name", evaluator.symbols.nameString(attrs[i].name))]
                addLocation(attrs[i].span, to: &xmlAttrs)
                open("attr", xmlAttrs)
                work.append(.close("attr"))
                work.append(.value(attrs[i].value))
            case .value(let v):
                try writeValue(v)
            }
        }
    }

    private mutating func writeValue(_ value: Value) throws {
        let ev = evaluator
        let v: Value
        if strict {
            v = try ev.force(value, at: span)
        } else if case .thunk(let t) = value {
            guard case .evaluated(let inner) = t.state else {
                empty("unevaluated")
                return
            }
            v = inner
        } else {
            v = value
        }
        switch v {
        case .null: empty("null")
        case .bool(let b): empty("bool", [("value", NixString(b ? "true" : "false"))])
        case .int(let i): empty("int", [("value", NixString(String(i)))])
        case .float(let d): empty("float", [("value", NixString(formatFloatG(d)))])
        case .string(let s):
            context.formUnion(s.context)
            empty("string", [("value", s)])
        case .path(let p): empty("path", [("value", p.nixString)])
        case .list(let items):
            open("list")
            work.append(.close("list"))
            work.append(.list(items.elements, 0))
        case .attrs(let attrs):
            let sorted = attrs.sortedByName(ev.symbols)
            if try isDerivation(attrs) {
                var xmlAttrs: [(String, NixString)] = []
                var drvPath = ""
                if let s = try derivationString(attrs, "drvPath") {
                    drvPath = s.string
                    xmlAttrs.append(("drvPath", s))
                }
                if let s = try derivationString(attrs, "outPath") { xmlAttrs.append(("outPath", s)) }
                open("derivation", xmlAttrs)
                work.append(.close("derivation"))
                if !drvPath.isEmpty && derivationsSeen.insert(drvPath).inserted {
                    work.append(.attrs(sorted, 0))
                } else {
                    empty("repeated")
                }
            } else {
                open("attrs")
                work.append(.close("attrs"))
                work.append(.attrs(sorted, 0))
            }
        case .lambda(let closure):
            writeFunction(closure)
        case .primop, .primopApp, .thunk:
            empty("unevaluated")
        }
    }

    /// A set whose `type` is the string "derivation" (forcing `type`, as Nix does even when not strict).
    private func isDerivation(_ attrs: Attrs) throws -> Bool {
        guard let sym = evaluator.symbols.lookup("type"), let t = attrs[sym] else { return false }
        guard case .string(let s) = try evaluator.force(t, at: span) else { return false }
        return s.string.nixEquals("derivation")
    }

    private func derivationString(_ attrs: Attrs, _ name: String) throws -> NixString? {
        guard let sym = evaluator.symbols.lookup(name), var v = attrs[sym] else { return nil }
        if strict {
            v = try evaluator.force(v, at: span)
        } else if case .thunk(let t) = v, case .evaluated(let inner) = t.state {
            v = inner
        }
        if case .string(let s) = v { return s }
        return nil
    }

    private mutating func writeFunction(_ closure: Closure) {
        guard let shape = evaluator.xmlFunctionShape(closure) else {
            empty("unevaluated")
            return
        }
        var xmlAttrs: [(String, NixString)] = []
        addLocation(shape.span, to: &xmlAttrs)
        open("function", xmlAttrs)
        if let formals = shape.formals {
            var patternAttrs: [(String, NixString)] = []
            if let name = shape.name { patternAttrs.append(("name", NixString(name))) }
            if shape.ellipsis { patternAttrs.append(("ellipsis", NixString("1"))) }
            open("attrspat", patternAttrs)
            for formal in formals.sorted(by: { $0.nixLess($1) }) { empty("attr", [("name", NixString(formal))]) }
            close("attrspat")
        } else {
            empty("varpat", [("name", NixString(shape.name ?? ""))])
        }
        close("function")
    }

    private func addLocation(_ span: Span, to attrs: inout [(String, NixString)]) {
        guard location, !span.isNone, let loc = evaluator.sources.location(of: span),
              let file = evaluator.sources.file(span.file) else { return }
        // Nix names an expression given on the command line by its text.
        let path = file.isFile ? file.name : String(decoding: file.text, as: UTF8.self)
        attrs.append(("path", NixString(path)))
        attrs.append(("line", NixString(String(loc.line))))
        attrs.append(("column", NixString(String(loc.column))))
    }

    // MARK: Elements

    private mutating func indent() {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func element(_ name: String, _ attrs: [(String, NixString)], end: String) {
        indent()
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for (key, value) in attrs.count < 2 ? attrs : attrs.sorted(by: { $0.0.nixLess($1.0) }) {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: key.utf8)
            out.append(contentsOf: "=\"".utf8)
            escape(value)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: end.utf8)
    }

    private mutating func open(_ name: String, _ attrs: [(String, NixString)] = []) {
        element(name, attrs, end: ">\n")
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        indent()
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: ">\n".utf8)
    }

    private mutating func empty(_ name: String, _ attrs: [(String, NixString)] = []) {
        element(name, attrs, end: " />\n")
    }

    private mutating func escape(_ s: NixString) {
        s.withBytes { escape(bytes: $0) }
    }

    private mutating func escape(bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "&#xA;".utf8)
            default: out.append(b)
            }
        }
    }
}

/// What XML shows of a function: where it is written and its argument pattern.
struct XMLFunctionShape {
    var span: Span
    /// The parameter of `x: …`, or the `@` name of a pattern.
    var name: String?
    /// The names of `{ a, b ? 1, ... }`; nil for `x: …`.
    var formals: [String]?
    var ellipsis: Bool
}
