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
        return writer.takeText()
    }

    /// The JSON of a value as a Nix string with the context of every string
    /// written (toJSON), exact bytes kept.
    func jsonString(_ value: Value, at span: Span, copyToStore: Bool) throws -> NixString {
        var writer = JSONWriter(evaluator: self, span: span, copyToStore: copyToStore, strict: true)
        try writer.write(value)
        return writer.takeString(context: writer.context)
    }
}

struct JSONWriter {
    /// A list or set being written: its items, and the next one to write.
    /// Sets are walked in their shape's order; lists have no shape.
    struct Frame {
        let items: [Value]
        let attrs: Attrs?
        let shape: Shape?
        var next: Int
    }

    /// What all sets with the same attribute names share: the order to
    /// write them in (indices into `entries`, byte order of the names) and
    /// each key already written out as `,"name":`.
    final class Shape {
        let symbols: [Symbol]
        let order: [Int]
        let keys: [UInt8]
        /// Key k (in write order) is `keys[keyBounds[k]..<keyBounds[k+1]]`.
        let keyBounds: [Int]

        init(symbols: [Symbol], order: [Int], names: [NixString]) {
            self.symbols = symbols
            self.order = order
            var keys: [UInt8] = []
            var bounds = [0]
            for i in order {
                keys.append(UInt8(ascii: ","))
                JSONWriter.appendQuoted(names[i], to: &keys)
                keys.append(UInt8(ascii: ":"))
                bounds.append(keys.count)
            }
            self.keys = keys
            self.keyBounds = bounds
        }
    }

    let evaluator: Evaluator
    let span: Span
    let copyToStore: Bool
    let strict: Bool
    /// The text being written; once it passes `chunkSize` it moves to
    /// `chunks`, so a large result is never held twice over in full.
    var out: [UInt8] = []
    var chunks: [[UInt8]] = []
    static let chunkSize = 1 << 20
    var context = StringContext.empty
    /// Set once a string or key that is not UTF-8 was written: the text
    /// must then be taken as bytes.
    var exact = false
    var stack: [Frame] = []
    /// Name orders of recently seen sets, keyed by a hash of their symbols:
    /// records of one shape are sorted once, not once each.
    var shapes = [Shape?](repeating: nil, count: 64)

    init(evaluator: Evaluator, span: Span, copyToStore: Bool, strict: Bool) {
        self.evaluator = evaluator
        self.span = span
        self.copyToStore = copyToStore
        self.strict = strict
    }

    /// The value itself when strict; otherwise only what is already evaluated.
    func resolve(_ value: Value) throws -> Value {
        if strict { return try evaluator.force(value, at: span) }
        if case .thunk(let t) = value, case .evaluated(let v) = t.state { return v }
        return value
    }

    mutating func write(_ root: Value) throws {
        // The innermost open list or set is kept in a local, its parents on `stack`.
        var frame: Frame
        do {
            guard let first = try open(root) else { return }
            frame = first
        }
        do {
            while true {
                let next = frame.next
                if let attrs = frame.attrs, let shape = frame.shape {
                    if next == attrs.entries.count {
                        out.append(UInt8(ascii: "}"))
                        guard let parent = stack.popLast() else { return }
                        frame = parent
                        continue
                    }
                    frame.next = next + 1
                    // The first key goes without its comma.
                    let keyStart = shape.keyBounds[next] + (next == 0 ? 1 : 0)
                    shape.keys.withUnsafeBufferPointer { keys in
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: keys[keyStart..<shape.keyBounds[next + 1]]))
                    }
                    let k = shape.order[next]
                    var item = attrs.entries[k].value
                    if strict, case .thunk(let t) = item {
                        item = try evaluator.forceThunk(t, at: span)
                        attrs.settle(k, item)
                    }
                    if let child = try open(item) {
                        stack.append(frame)
                        frame = child
                    }
                } else {
                    if next == frame.items.count {
                        out.append(UInt8(ascii: "]"))
                        guard let parent = stack.popLast() else { return }
                        frame = parent
                        continue
                    }
                    if next > 0 { out.append(UInt8(ascii: ",")) }
                    frame.next = next + 1
                    if out.count >= Self.chunkSize { startChunk() }
                    var item = frame.items[next]
                    if strict, case .thunk(let t) = item {
                        item = try evaluator.forceThunk(t, at: span)
                        frame.items.settle(next, item)
                    }
                    if let child = try open(item) {
                        stack.append(frame)
                        frame = child
                    }
                }
            }
        } catch var error as EvalError {
            // Nix marks every set the failing value sits in (its attribute's position).
            for f in [frame] + stack.reversed() {
                if let attrs = f.attrs, let shape = f.shape, f.next > 0 {
                    error.trace.append(TraceFrame("message for the trace", at: attrs.entries[shape.order[f.next - 1]].span))
                }
            }
            throw error
        }
    }

    mutating func startChunk() {
        chunks.append(out)
        out = []
        out.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
    }

    /// The bytes written, as one Nix string (text unless something that is
    /// not UTF-8 was written).
    mutating func takeString(context: StringContext) -> NixString {
        if !exact { return NixString(takeText(), context: context) }
        chunks.append(out)
        out = []
        var all: [UInt8] = []
        for chunk in chunks { all.append(contentsOf: chunk) }
        chunks = []
        return NixString(bytes: all, context: context)
    }

    /// The text written, as one string; each chunk is freed as soon as it is copied.
    mutating func takeText() -> String {
        if chunks.isEmpty { return String(decoding: out, as: UTF8.self) }
        chunks.append(out)
        out = []
        let total = chunks.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var n = 0
            for i in chunks.indices {
                chunks[i].withUnsafeBufferPointer { chunk in
                    let count = min(chunk.count, buffer.count - n)
                    if count > 0, let dst = buffer.baseAddress, let src = chunk.baseAddress {
                        (dst + n).update(from: src, count: count)
                        n += count
                    }
                }
                chunks[i] = []
            }
            return n
        }
    }

    /// Writes a scalar, or opens a list or set and returns its frame.
    mutating func open(_ value: Value) throws -> Frame? {
        let ev = evaluator
        var v = try resolve(value)
        // A set stands for its `outPath` (unless it has `__toString`); follow
        // such chains in a loop, and stop one that never ends.
        var hops = 0
        // The evaluator interns both names up front: no string lookups per value.
        while case .attrs(let attrs) = v, attrs.index(of: ev.sToString) == nil, let i = attrs.index(of: ev.sOutPath) {
            hops += 1
            if hops > 100_000 { throw EvalError("stack overflow (possible infinite recursion)", at: span) }
            v = try resolve(attrs.entries[i].value)
        }
        switch v {
        case .null, .bool, .int, .float: _ = Self.appendPlainScalar(v, to: &out)
        case .string(let s):
            let c = s.context
            if !c.isEmpty { context.formUnion(c) }
            writeString(s)
        case .path(let p):
            if copyToStore {
                let s = try ev.coerceToString(v, at: span, coerceMore: false, copyToStore: true)
                context.formUnion(s.context)
                writeString(s)
            } else {
                writeString(p.nixString)
            }
        case .list(let items):
            out.append(UInt8(ascii: "["))
            return Frame(items: items.elements, attrs: nil, shape: nil, next: 0)
        case .attrs(let attrs):
            if let f = attrs[ev.sToString] {
                let result = try ev.apply(f, v, at: span)
                let s = try ev.coerceArgument(result, at: span, copyToStore: false)
                context.formUnion(s.context)
                writeString(s)
            } else {
                out.append(UInt8(ascii: "{"))
                return Frame(items: [], attrs: attrs, shape: shape(of: attrs), next: 0)
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
        return nil
    }

    /// The shape of a set, from the cache when a set with the same names
    /// was written recently.
    mutating func shape(of attrs: Attrs) -> Shape {
        let entries = attrs.entries
        var hash = entries.count &* 0x9E37_79B9
        for e in entries { hash = (hash &* 31) &+ Int(e.name.id) }
        let slot = Int(UInt(bitPattern: hash ^ (hash >> 17)) % UInt(shapes.count))
        if let cached = shapes[slot], cached.symbols.count == entries.count,
           cached.symbols.indices.allSatisfy({ cached.symbols[$0] == entries[$0].name }) {
            return cached
        }
        let symbols = evaluator.symbols
        let names = entries.map { symbols.nameString($0.name) }
        if !names.allSatisfy(\.isText) { exact = true }
        symbols.refreshNameOrder()
        let order = entries.indices.sorted { symbols.nameLess(entries[$0].name, entries[$1].name) }
        let shape = Shape(symbols: entries.map(\.name), order: order, names: names)
        shapes[slot] = shape
        return shape
    }

    /// Appends the text of a scalar that needs no evaluator (null, a
    /// Boolean, a number, a string); false for any other value.
    @inline(__always)
    static func appendPlainScalar(_ v: Value, to out: inout [UInt8]) -> Bool {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendDecimal(i, to: &out)
        case .float(let d): FloatFormat.appendShortest6(d, to: &out)
        case .string(let s): appendQuoted(s, to: &out)
        default: return false
        }
        return true
    }

    static func appendDecimal(_ i: Int, to out: inout [UInt8]) {
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

    mutating func writeString(_ s: String) { Self.appendQuoted(s, to: &out) }

    mutating func writeString(_ s: NixString) {
        if !s.isText { exact = true }
        Self.appendQuoted(s, to: &out)
    }

    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(bytes: $0, to: &out) }
    }

    /// The string's exact bytes, quoted (bytes that are not UTF-8 pass
    /// through, as Nix writes them).
    static func appendQuoted(_ s: NixString, to out: inout [UInt8]) {
        s.withBytes { appendQuoted(bytes: $0, to: &out) }
    }

    /// A JSON string literal: runs of plain bytes are copied whole; quotes,
    /// backslashes and control characters are escaped.
    static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                appendEscape(b, to: &out)
                i += 1
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscape(_ b: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch b {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x00...0x1F:
            out.append(contentsOf: "u00".utf8)
            out.append(hexDigit(b >> 4))
            out.append(hexDigit(b & 15))
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
