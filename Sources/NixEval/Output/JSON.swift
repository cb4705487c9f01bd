// JSON output of values: `builtins.toJSON` and `roost eval --json`, byte for
// byte as Nix 2.8 writes it: no spaces, set keys in byte order, floats as
// C's "%g", control characters as \u00XX, everything else passed through.
// Sets with `__toString` print that string, sets with `outPath` print it.
// The printer keeps its own stack, so deep values cannot overflow the
// native one. It does not pretty-print.

import NixSyntax

extension Evaluator {
    /// The JSON text of a value, exactly as Nix writes it (forcing deeply;
    /// paths copied to the store when `copyToStore`, as toJSON does).
    public func printJSON(_ value: Value, at span: Span, copyToStore: Bool) throws -> String {
        var context = StringContext.empty
        return try jsonText(value, at: span, copyToStore: copyToStore, context: &context)
    }

    /// `printJSON` for `--json` without `--strict`: like Nix, values not yet
    /// evaluated are not forced but refused ("cannot convert a thunk to JSON").
    public func printJSON(_ value: Value, at span: Span, copyToStore: Bool, strict: Bool) throws -> String {
        var context = StringContext.empty
        return try jsonText(value, at: span, copyToStore: copyToStore, strict: strict, context: &context)
    }

    /// `printJSON` that also gathers the context of every string written.
    func jsonText(_ value: Value, at span: Span, copyToStore: Bool, strict: Bool = true, context: inout StringContext) throws -> String {
        var writer = JSONWriter(evaluator: self, span: span, copyToStore: copyToStore, strict: strict)
        try writer.write(value)
        context.formUnion(writer.context)
        return String(decoding: writer.out, as: UTF8.self)
    }
}

private struct JSONWriter {
    /// A list or set being written: its items, and the next one to write.
    /// Sets are walked through `order` (indices into `entries` in byte order
    /// of the names); lists leave it empty.
    struct Frame {
        let items: [Value]
        let attrs: Attrs?
        let order: [Int]
        var next: Int
    }

    let evaluator: Evaluator
    let span: Span
    let copyToStore: Bool
    let strict: Bool
    var out: [UInt8] = []
    var context = StringContext.empty
    var stack: [Frame] = []
    /// Name orders of recently seen sets, keyed by a hash of their symbols:
    /// records of one shape are sorted once, not once each.
    var orders = [ShapeOrder?](repeating: nil, count: 64)

    struct ShapeOrder {
        let symbols: [Symbol]
        let order: [Int]
    }

    init(evaluator: Evaluator, span: Span, copyToStore: Bool, strict: Bool) {
        self.evaluator = evaluator
        self.span = span
        self.copyToStore = copyToStore
        self.strict = strict
    }

    /// The value itself when strict; otherwise only what is already evaluated.
    func settle(_ value: Value) throws -> Value {
        if strict { return try evaluator.force(value, at: span) }
        if case .thunk(let t) = value, case .evaluated(let v) = t.state { return v }
        return value
    }

    mutating func write(_ root: Value) throws {
        do {
            try open(root)
            while !stack.isEmpty {
                let top = stack.count - 1
                let next = stack[top].next
                if let attrs = stack[top].attrs {
                    if next == attrs.entries.count {
                        out.append(UInt8(ascii: "}"))
                        stack.removeLast()
                        continue
                    }
                    if next > 0 { out.append(UInt8(ascii: ",")) }
                    stack[top].next = next + 1
                    let i = stack[top].order[next]
                    writeString(evaluator.symbols.name(attrs.entries[i].name))
                    out.append(UInt8(ascii: ":"))
                    try open(attrs.entries[i].value)
                } else {
                    if next == stack[top].items.count {
                        out.append(UInt8(ascii: "]"))
                        stack.removeLast()
                        continue
                    }
                    if next > 0 { out.append(UInt8(ascii: ",")) }
                    stack[top].next = next + 1
                    try open(stack[top].items[next])
                }
            }
        } catch var error as EvalError {
            // Nix marks every set the failing value sits in (its attribute's position).
            for frame in stack.reversed() {
                if let attrs = frame.attrs, frame.next > 0 {
                    error.trace.append(TraceFrame("message for the trace", at: attrs.entries[frame.order[frame.next - 1]].span))
                }
            }
            throw error
        }
    }

    /// Writes a scalar, or opens a list or set by pushing its frame.
    mutating func open(_ value: Value) throws {
        let ev = evaluator
        var v = try settle(value)
        // A set stands for its `outPath` (unless it has `__toString`); follow
        // such chains in a loop, and stop one that never ends.
        var hops = 0
        // The evaluator interns both names up front: no string lookups per value.
        while case .attrs(let attrs) = v, attrs[ev.sToString] == nil, let outPath = attrs[ev.sOutPath] {
            hops += 1
            if hops > 100_000 { throw EvalError("stack overflow (possible infinite recursion)", at: span) }
            v = try settle(outPath)
        }
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendDecimal(i)
        case .float(let d): FloatFormat.appendShortest6(d, to: &out)
        case .string(let s):
            context.formUnion(s.context)
            writeString(s.string)
        case .path(let p):
            if copyToStore {
                let s = try ev.coerceToString(v, at: span, coerceMore: false, copyToStore: true)
                context.formUnion(s.context)
                writeString(s.string)
            } else {
                writeString(p.string)
            }
        case .list(let items):
            out.append(UInt8(ascii: "["))
            stack.append(Frame(items: items, attrs: nil, order: [], next: 0))
        case .attrs(let attrs):
            if let f = attrs[ev.sToString] {
                let result = try ev.apply(f, v, at: span)
                let s = try ev.coerceArgument(result, at: span, copyToStore: false)
                context.formUnion(s.context)
                writeString(s.string)
            } else {
                out.append(UInt8(ascii: "{"))
                stack.append(Frame(items: [], attrs: attrs, order: nameOrder(attrs), next: 0))
            }
        case .lambda(let closure):
            throw EvalError("cannot convert a function to JSON", at: closure.span)
        case .primop(let op):
            throw EvalError("cannot convert the built-in function '\(op.name)' to JSON", at: span)
        case .primopApp(let app):
            throw EvalError("cannot convert the partially applied built-in function '\(app.op.name)' to JSON", at: span)
        case .thunk:
            throw EvalError("cannot convert a thunk to JSON", at: span)
        }
    }

    /// The indices of the set's entries in byte order of their names.
    mutating func nameOrder(_ attrs: Attrs) -> [Int] {
        let entries = attrs.entries
        var hash = entries.count &* 0x9E37_79B9
        for e in entries { hash = (hash &* 31) &+ Int(e.name.id) }
        let slot = Int(UInt(bitPattern: hash ^ (hash >> 17)) % UInt(orders.count))
        if let cached = orders[slot], cached.symbols.count == entries.count,
           cached.symbols.indices.allSatisfy({ cached.symbols[$0] == entries[$0].name }) {
            return cached.order
        }
        let symbols = evaluator.symbols
        let names = entries.map { symbols.name($0.name) }
        let order = entries.indices.sorted { names[$0].nixLess(names[$1]) }
        orders[slot] = ShapeOrder(symbols: entries.map(\.name), order: order)
        return order
    }

    mutating func appendDecimal(_ i: Int) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 20
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                n -= 1
                buf[n] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
            } while m > 0 && n > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[n...]))
        }
    }

    /// A JSON string literal: runs of plain bytes are copied whole; quotes,
    /// backslashes and control characters are escaped.
    mutating func writeString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                appendEscape(b)
                i += 1
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func appendEscape(_ b: UInt8) {
        out.append(UInt8(ascii: "\\"))
        switch b {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x00...0x1F:
            out.append(contentsOf: "u00".utf8)
            out.append(Self.hexDigit(b >> 4))
            out.append(Self.hexDigit(b & 15))
        default: out.append(b)
        }
    }

    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v &+ 0x30 : v &+ 0x57 }
}

extension Attrs {
    /// Whether the set has an attribute of that name (without interning it).
    func has(_ name: String, _ symbols: SymbolTable) -> Bool {
        guard let sym = symbols.lookup(name) else { return false }
        return index(of: sym) != nil
    }
}

/// A float as C's `printf("%g")` writes it (six significant digits), which
/// is how Nix prints floats in JSON and elsewhere.
func formatFloatG(_ d: Double) -> String { FloatFormat.shortest6(d) }
