// JSON output of values: `builtins.toJSON` and `roost eval --json`, byte for
// byte as Nix 2.8 writes it: no spaces, set keys in byte order, floats as
// C's "%g", control characters as \u00XX, everything else passed through.
// Sets with `__toString` print that string, sets with `outPath` print it.
// The printer keeps its own stack, so deep values cannot overflow the
// native one. It does not pretty-print.

import NixSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    enum Frame {
        case list([Value], next: Int)
        case attrs([Attr], next: Int)
    }

    let evaluator: Evaluator
    let span: Span
    let copyToStore: Bool
    let strict: Bool
    var out: [UInt8] = []
    var context = StringContext.empty
    var stack: [Frame] = []

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
            while let top = stack.popLast() {
                switch top {
                case .list(let items, let next):
                    if next == items.count {
                        out.append(UInt8(ascii: "]"))
                        continue
                    }
                    if next > 0 { out.append(UInt8(ascii: ",")) }
                    stack.append(.list(items, next: next + 1))
                    try open(items[next])
                case .attrs(let attrs, let next):
                    if next == attrs.count {
                        out.append(UInt8(ascii: "}"))
                        continue
                    }
                    if next > 0 { out.append(UInt8(ascii: ",")) }
                    stack.append(.attrs(attrs, next: next + 1))
                    writeString(evaluator.symbols.name(attrs[next].name))
                    out.append(UInt8(ascii: ":"))
                    try open(attrs[next].value)
                }
            }
        } catch var error as EvalError {
            // Nix marks every set the failing value sits in (its attribute's position).
            for frame in stack.reversed() {
                if case .attrs(let attrs, let next) = frame, next > 0 {
                    error.trace.append(TraceFrame("message for the trace", at: attrs[next - 1].span))
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
        case .float(let d): out.append(contentsOf: formatFloatG(d).utf8)
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
            stack.append(.list(items, next: 0))
        case .attrs(let attrs):
            if let f = attrs[ev.sToString] {
                let result = try ev.apply(f, v, at: span)
                let s = try ev.coerceArgument(result, at: span, copyToStore: false)
                context.formUnion(s.context)
                writeString(s.string)
            } else {
                out.append(UInt8(ascii: "{"))
                stack.append(.attrs(attrs.sortedByName(ev.symbols), next: 0))
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

    mutating func appendDecimal(_ i: Int) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[n] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
                n += 1
            } while m > 0 && n < 20
            while n > 0 {
                n -= 1
                out.append(buf[n])
            }
        }
    }

    mutating func writeString(_ s: String) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x00...0x1F:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
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
func formatFloatG(_ d: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
        let n = withVaList([d]) { vsnprintf(buffer.baseAddress, buffer.count, "%g", $0) }
        guard n > 0, let base = buffer.baseAddress else { return "" }
        return base.withMemoryRebound(to: UInt8.self, capacity: Int(n)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: min(Int(n), buffer.count - 1)), as: UTF8.self)
        }
    }
}
