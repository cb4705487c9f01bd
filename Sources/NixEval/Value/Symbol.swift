// Interned names. Attribute names and variables are compared and sorted by
// symbol id inside the evaluator; a `SymbolTable` belongs to one evaluator.

public struct Symbol: Hashable, Comparable, Sendable {
    public let id: Int32
    public init(id: Int32) { self.id = id }
    public static func < (a: Symbol, b: Symbol) -> Bool { a.id < b.id }
}

/// Names are compared byte-wise, as Nix does (two spellings of "é" are two
/// names), in an open-addressing table keyed by an FNV-1a hash of the bytes:
/// interning is on the path of every dynamic attribute name.
public final class SymbolTable {
    // One evaluator's, used from its thread only, never borrowed across calls:
    // no run-time exclusivity checks needed.
    @exclusivity(unchecked) private var names: [String] = []
    /// The exact bytes of the few names that are not UTF-8 (their entry in
    /// `names` is then only a rendering for messages).
    @exclusivity(unchecked) private var rawNames: [Int32: [UInt8]] = [:]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Symbol id + 1 per slot, 0 when empty; a power of two, at most half full.
    @exclusivity(unchecked) private var slots: [Int32] = Array(repeating: 0, count: 256)

    public init() {}

    public func intern(_ name: String) -> Symbol {
        var text = name
        let h = SymbolTable.hash(&text)
        let (found, slot) = probe(&text, h)
        if let id = found { return Symbol(id: id) }
        let id = Int32(truncatingIfNeeded: names.count)
        names.append(text)
        hashes.append(h)
        slots[slot] = id &+ 1
        if names.count * 2 > slots.count { grow() }
        return Symbol(id: id)
    }

    /// The symbol of `name` if it was ever interned.
    public func lookup(_ name: String) -> Symbol? {
        var text = name
        let h = SymbolTable.hash(&text)
        return probe(&text, h).found.map(Symbol.init(id:))
    }

    /// The symbol of a string's exact bytes (a name need not be UTF-8).
    public func intern(_ name: NixString) -> Symbol {
        if name.isText { return intern(name.string) }
        let bytes = name.bytes
        let h = SymbolTable.hash(bytes)
        let (found, slot) = probe(bytes, h)
        if let id = found { return Symbol(id: id) }
        let id = Int32(truncatingIfNeeded: names.count)
        names.append(name.string)
        rawNames[id] = bytes
        hashes.append(h)
        slots[slot] = id &+ 1
        if names.count * 2 > slots.count { grow() }
        return Symbol(id: id)
    }

    /// The symbol of a string's exact bytes if it was ever interned.
    public func lookup(_ name: NixString) -> Symbol? {
        if name.isText { return lookup(name.string) }
        let bytes = name.bytes
        return probe(bytes, SymbolTable.hash(bytes)).found.map(Symbol.init(id:))
    }

    /// The name's text; for a name that is not UTF-8, a rendering of it
    /// (see `nameString` for its exact bytes).
    public func name(_ symbol: Symbol) -> String {
        names[Int(symbol.id)]
    }

    /// The name as a Nix string, exact bytes included.
    public func nameString(_ symbol: Symbol) -> NixString {
        if !rawNames.isEmpty, let raw = rawNames[symbol.id] { return NixString(bytes: raw) }
        return NixString(names[Int(symbol.id)])
    }

    /// Each name as a string value, made the first time it is asked for.
    @exclusivity(unchecked) private var nameValues: [Value?] = []

    /// The name as a Nix string: one value per symbol, shared by every
    /// `attrNames`, `mapAttrs` and `zipAttrsWith` that hands names to Nix code
    /// (strings are immutable, so sharing cannot be observed).
    public func nameValue(_ symbol: Symbol) -> Value {
        let i = Int(symbol.id)
        if i < nameValues.count, let v = nameValues[i] { return v }
        if nameValues.count <= i {
            nameValues.append(contentsOf: repeatElement(nil, count: names.count - nameValues.count))
        }
        let v = Value.string(nameString(symbol))
        nameValues[i] = v
        return v
    }

    public var count: Int { names.count }

    // MARK: Name order

    /// For the first `ranked` symbols, each one's place among them in Nix's
    /// order of names (byte-wise), so that sorting attributes by name
    /// compares two integers instead of two strings. Symbols interned later
    /// are compared by their names until the next rebuild, which happens
    /// once the table has doubled: rebuilds cost O(n log n) in total.
    @exclusivity(unchecked) private var ranks: [Int32] = []

    /// Whether `a`'s name sorts before `b`'s.
    @inline(__always)
    public func nameLess(_ a: Symbol, _ b: Symbol) -> Bool {
        let i = Int(a.id), j = Int(b.id)
        if i < ranks.count && j < ranks.count { return ranks[i] < ranks[j] }
        return less(i, j)
    }

    private func less(_ i: Int, _ j: Int) -> Bool {
        if rawNames.isEmpty { return names[i].nixLess(names[j]) }
        return nameString(Symbol(id: Int32(truncatingIfNeeded: i))).nixLess(nameString(Symbol(id: Int32(truncatingIfNeeded: j))))
    }

    /// Rebuilds the ranks if many symbols came since the last rebuild.
    public func refreshNameOrder() {
        guard names.count > ranks.count * 2 + 32 else { return }
        let order = names.indices.sorted { less($0, $1) }
        var r = [Int32](repeating: 0, count: names.count)
        for (place, id) in order.enumerated() { r[id] = Int32(truncatingIfNeeded: place) }
        ranks = r
    }

    /// The id of `text` if present, and the slot where it is or would go.
    private func probe(_ text: inout String, _ h: UInt64) -> (found: Int32?, slot: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[i]
            if entry == 0 { return (nil, i) }
            let id = Int(entry - 1)
            if hashes[id] == h && names[id].nixEquals(text) && (rawNames.isEmpty || rawNames[entry - 1] == nil) {
                return (entry - 1, i)
            }
            i = (i + 1) & mask
        }
    }

    /// `probe` for a name that is not UTF-8: only such names can match it.
    private func probe(_ bytes: [UInt8], _ h: UInt64) -> (found: Int32?, slot: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[i]
            if entry == 0 { return (nil, i) }
            if hashes[Int(entry - 1)] == h && rawNames[entry - 1] == bytes { return (entry - 1, i) }
            i = (i + 1) & mask
        }
    }

    private func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = Int32(truncatingIfNeeded: id) &+ 1
        }
        slots = bigger
    }

    private static func hash(_ text: inout String) -> UInt64 {
        text.withUTF8 { hash($0) }
    }

    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
