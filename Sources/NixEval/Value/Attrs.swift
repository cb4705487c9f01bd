// An attribute set: an immutable array of attributes sorted by symbol id, so
// lookup is a binary search and `//` is a linear merge. Names in Nix's order
// (byte-wise by name, as attrNames and printing use) come from `sortedByName`.

import NixSyntax

public struct Attr {
    public let name: Symbol
    public var value: Value
    /// Where the attribute was defined (for unsafeGetAttrPos and errors); `.none` if built.
    public var span: Span

    public init(name: Symbol, value: Value, span: Span = .none) {
        self.name = name
        self.value = value
        self.span = span
    }
}

public final class Attrs: @unchecked Sendable {
    /// Sorted by `name` (symbol id), no duplicates.
    public let entries: [Attr]
    /// Where the set literal that made it is written (`.none` for built sets);
    /// Nix points some errors about a set there.
    public var span: Span = .none

    public static let empty = immortal(Attrs(sortedEntries: []))

    /// `entries` must be sorted by symbol id without duplicates.
    public init(sortedEntries: [Attr]) {
        self.entries = sortedEntries
    }

    /// Builds from entries in any order; a later duplicate replaces an earlier one.
    public convenience init(unsorted: [Attr]) {
        var e = unsorted
        e.sort { $0.name.id < $1.name.id }
        var out: [Attr] = []
        out.reserveCapacity(e.count)
        for a in e {
            if let last = out.last, last.name == a.name { out[out.count - 1] = a } else { out.append(a) }
        }
        self.init(sortedEntries: out)
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    @inlinable
    public func index(of name: Symbol) -> Int? {
        var lo = 0, hi = entries.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let id = entries[mid].name.id
            if id == name.id { return mid }
            if id < name.id { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    @inlinable
    public subscript(name: Symbol) -> Value? {
        guard let i = index(of: name) else { return nil }
        return entries[i].value
    }

    /// The thunk at `index`, if the value there is one, unretained: valid while this set lives.
    @inline(__always)
    func thunkRef(at index: Int) -> Unmanaged<Thunk>? {
        entries.withUnsafeBufferPointer { b in
            if case .thunk(let t) = b[index].value { return Unmanaged.passUnretained(t) }
            return nil
        }
    }

    public func attr(_ name: Symbol) -> Attr? {
        index(of: name).map { entries[$0] }
    }

    /// `self // other`: other's attributes win.
    public func updating(with other: Attrs) -> Attrs {
        if other.isEmpty { return self }
        if isEmpty { return other }
        if other.count * 8 < count { return updatingFew(with: other) }
        var out: [Attr] = []
        out.reserveCapacity(entries.count + other.entries.count)
        var i = 0, j = 0
        let a = entries, b = other.entries
        while i < a.count && j < b.count {
            let x = a[i].name.id, y = b[j].name.id
            if x < y { out.append(a[i]); i += 1 }
            else if x > y { out.append(b[j]); j += 1 }
            else { out.append(b[j]); i += 1; j += 1 }
        }
        if i < a.count { out.append(contentsOf: a[i...]) }
        if j < b.count { out.append(contentsOf: b[j...]) }
        return Attrs(sortedEntries: out)
    }

    /// `//` with a small right side: copy the left side in runs between the
    /// places the right side's attributes go (found by binary search).
    private func updatingFew(with other: Attrs) -> Attrs {
        var out: [Attr] = []
        out.reserveCapacity(entries.count + other.entries.count)
        var from = 0
        for b in other.entries {
            var lo = from, hi = entries.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if entries[mid].name.id < b.name.id { lo = mid + 1 } else { hi = mid }
            }
            out.append(contentsOf: entries[from..<lo])
            out.append(b)
            from = lo < entries.count && entries[lo].name == b.name ? lo + 1 : lo
        }
        out.append(contentsOf: entries[from...])
        return Attrs(sortedEntries: out)
    }

    /// The attributes in Nix's order: byte-wise by name.
    public func sortedByName(_ symbols: SymbolTable) -> [Attr] {
        entries.sorted { symbols.name($0.name).nixLess(symbols.name($1.name)) }
    }
}
