// An attribute set: an immutable array of attributes sorted by symbol id, so
// lookup is a binary search and `//` is a linear merge. Names in Nix's order
// (byte-wise by name, as attrNames and printing use) come from `sortedByName`.
//
// `big // small` does not copy `big`: the result is a layer (the few new
// attributes) over `big`, and lookups search the layers top-down. A chain of
// updates (`foldl' (acc: x: acc // { … })`) would otherwise copy the whole
// set at every step. Layers are merged into one flat array when there are
// `maxLayers` of them, or the first time someone asks for `entries`
// (iteration, printing): the merged array then replaces the layers in place,
// which changes nothing anyone can observe.
//
// An Attrs is a pointer to its storage in the arena (Arena.swift): copies
// share the set, and copying one counts no references. The attributes
// themselves are plain data in the arena too, not a Swift array: a set is
// two bump allocations and no call to malloc.

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

public struct Attrs: @unchecked Sendable {
    @usableFromInline struct Storage {
        /// This layer's attributes, sorted by symbol id without duplicates:
        /// all of a flat set's, the top ones of a layered set (which win over
        /// the set below). Only ever replaced by an equivalent flat form
        /// (with `base`); the evaluator is single-threaded and `Attrs.empty`
        /// is never layered.
        @usableFromInline var ownStart: UnsafeMutablePointer<Attr>
        @usableFromInline var ownCount: Int
        /// The set under `own`; nil when flat.
        @usableFromInline var base: Attrs?
        /// Number of distinct names in the whole set.
        @usableFromInline var count: Int
        /// Where the set literal that made it is written (`.none` for built
        /// sets); Nix points some errors about a set there.
        @usableFromInline var span: Span
    }

    /// The storage, in the arena.
    @usableFromInline let cell: UnsafeMutablePointer<Storage>

    /// This layer's attributes (see `Storage`), in the arena.
    @usableFromInline var own: UnsafeMutableBufferPointer<Attr> {
        @inline(__always) get { UnsafeMutableBufferPointer(start: cell.pointee.ownStart, count: cell.pointee.ownCount) }
    }

    /// Uninitialized room for `capacity` attributes in the arena, charged to it.
    @inline(__always) @usableFromInline
    static func arenaBuffer(capacity: Int) -> UnsafeMutablePointer<Attr> {
        let bytes = capacity &* MemoryLayout<Attr>.stride
        Arena.charge(bytes)
        return Arena.allocate(bytes: bytes).bindMemory(to: Attr.self, capacity: capacity)
    }

    /// A copy of `attrs` in the arena, charged to it.
    @inline(__always) @usableFromInline
    static func arenaCopy(_ attrs: some Collection<Attr>) -> UnsafeMutablePointer<Attr> {
        let p = arenaBuffer(capacity: attrs.count)
        _ = UnsafeMutableBufferPointer(start: p, count: attrs.count).initialize(from: attrs)
        return p
    }

    /// The set under `own` (nil when flat).
    @inlinable
    var base: Attrs? {
        get { cell.pointee.base }
        nonmutating set { cell.pointee.base = newValue }
    }

    /// Setting it on the shared empty set does nothing.
    public var span: Span {
        get { cell.pointee.span }
        nonmutating set {
            if isSame(.empty) { return }
            cell.pointee.span = newValue
        }
    }

    /// Layers kept before an update merges them.
    static let maxLayers = 8

    /// Outside every arena, never freed: any scope may use it.
    public static let empty: Attrs = {
        let cell = Arena.permanent(Storage.self)
        cell.initialize(to: Storage(ownStart: UnsafeMutablePointer(bitPattern: 16)!, ownCount: 0, base: nil, count: 0, span: .none))
        return Attrs(cell: cell)
    }()

    private init(cell: UnsafeMutablePointer<Storage>) { self.cell = cell }

    /// A set with this storage, in the arena's plain data (nothing in it
    /// needs deinitializing).
    @inline(__always)
    private init(_ storage: Storage) {
        cell = Arena.allocate(bytes: MemoryLayout<Storage>.stride).bindMemory(to: Storage.self, capacity: 1)
        cell.initialize(to: storage)
    }

    /// `entries` must be sorted by symbol id without duplicates.
    public init(sortedEntries: [Attr]) {
        self.init(own: Attrs.arenaCopy(sortedEntries), count: sortedEntries.count)
    }

    /// A set of at most `capacity` attributes written in place by `fill`,
    /// which returns how many it wrote (sorted by symbol id, no duplicates).
    @inline(__always)
    init(capacity: Int, fill: (UnsafeMutablePointer<Attr>) throws -> Int) rethrows {
        let start = Attrs.arenaBuffer(capacity: capacity)
        let n = try fill(start)
        self.init(own: start, count: n)
    }

    private init(layer top: UnsafeBufferPointer<Attr>, over base: Attrs, count: Int) {
        self.init(Storage(ownStart: Attrs.arenaCopy(top), ownCount: top.count, base: base, count: count, span: .none))
    }

    /// Whether the two are the same set (not merely equal ones).
    @inline(__always)
    public func isSame(_ other: Attrs) -> Bool { cell == other.cell }

    /// The set's identity, for sets of visited values.
    @inline(__always)
    public var identity: UInt { UInt(bitPattern: cell) }

    /// Number of layers above the flat bottom (0 when flat).
    var layers: Int {
        var n = 0
        var a = self
        while let b = a.base { n += 1; a = b }
        return n
    }

    /// Number of distinct names.
    public var count: Int { cell.pointee.count }

    /// Builds from entries in any order; a later duplicate replaces an earlier one.
    public init(unsorted: [Attr]) {
        var e = unsorted
        e.sort { $0.name.id < $1.name.id }
        var out: [Attr] = []
        out.reserveCapacity(e.count)
        for a in e {
            if let last = out.last, last.name == a.name { out[out.count - 1] = a } else { out.append(a) }
        }
        self.init(sortedEntries: out)
    }

    /// Every attribute, sorted by symbol id (merges the layers of a layered
    /// set once). In the arena: valid as long as the set.
    public var entries: UnsafeBufferPointer<Attr> {
        if base != nil { flatten() }
        return UnsafeBufferPointer(own)
    }

    public var isEmpty: Bool { count == 0 }

    /// Search in `own` only. Symbol ids are handed out in the order names are
    /// first met, so a big set built by a program (`listToAttrs` of
    /// generated names) holds nearly consecutive ids: one interpolation step
    /// lands next to the name, and the binary search that follows runs in a
    /// small window around it. When the ids are not spread evenly the window
    /// check fails and the search is an ordinary binary search.
    @inlinable
    func ownIndex(of name: Symbol) -> Int? {
        let b = own
        var lo = 0, hi = b.count - 1
        if hi >= 32 {
            let key = Int(name.id), first = Int(b[0].name.id), last = Int(b[hi].name.id)
            if key < first || key > last { return nil }
            // Distinct sorted ids: last > first. No overflow: ids are 32-bit.
            let guess = (key - first) * hi / (last - first)
            let from = Swift.max(guess - 4, 0), to = Swift.min(guess + 4, hi)
            let low = Int(b[from].name.id), high = Int(b[to].name.id)
            if key >= low && key <= high {
                lo = from; hi = to
            } else if key < low {
                hi = from - 1
            } else {
                lo = to + 1
            }
        }
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let id = b[mid].name.id
            if id == name.id { return mid }
            if id < name.id { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// The layer holding `name` and its index in that layer's `own`.
    @inlinable
    func find(_ name: Symbol) -> (layer: Attrs, index: Int)? {
        var a = self
        while true {
            if let i = a.ownIndex(of: name) { return (a, i) }
            guard let n = a.base else { return nil }
            a = n
        }
    }

    /// The index of `name` in `entries`.
    public func index(of name: Symbol) -> Int? {
        if base != nil { flatten() }
        return ownIndex(of: name)
    }

    @inlinable
    public subscript(name: Symbol) -> Value? {
        guard let (layer, i) = find(name) else { return nil }
        return layer.own[i].value
    }

    /// The attribute `index` of this layer's `own` (see `find`).
    @inline(__always)
    func ownAttr(at index: Int) -> Attr { own[index] }

    /// The thunk at `index` of this layer's `own`, if the value there is one.
    @inline(__always)
    func thunkRef(at index: Int) -> Thunk? {
        if case .thunk(let t) = own[index].value { return t }
        return nil
    }

    public func attr(_ name: Symbol) -> Attr? {
        guard let (layer, i) = find(name) else { return nil }
        return layer.own[i]
    }

    /// `self // other`: other's attributes win.
    public func updating(with other: Attrs) -> Attrs {
        if other.isEmpty { return self }
        if isEmpty { return other }
        if other.count * 8 < count {
            let top = other.entries
            if layers + 1 < Attrs.maxLayers {
                var added = 0
                for a in top where find(a.name) == nil { added += 1 }
                return Attrs(layer: top, over: self, count: count + added)
            }
            let (start, n) = mergedLayers(adding: Array(top))
            return Attrs(own: start, count: n)
        }
        let a = entries, b = other.entries
        return Attrs(capacity: a.count + b.count) { Attrs.merge(a, b, into: $0) }
    }

    /// A flat set of the `count` attributes from `start` on, already in the arena.
    private init(own start: UnsafeMutablePointer<Attr>, count: Int) {
        self.init(Storage(ownStart: start, ownCount: count, base: nil, count: count, span: .none))
    }

    /// Replaces the layers by their merged, flat form.
    private func flatten() {
        guard base != nil else { return }
        let (start, n) = mergedLayers(adding: nil)
        cell.pointee.ownStart = start
        cell.pointee.ownCount = n
        base = nil
    }

    /// All attributes of this set (with `top` over them, if given), flat, in
    /// the arena: where they start and how many.
    private func mergedLayers(adding top: [Attr]?) -> (UnsafeMutablePointer<Attr>, Int) {
        // The layers' attributes, upper ones winning, then one merge with the flat bottom.
        var overlay: [Attr] = top ?? []
        var seen = Set<Symbol>(overlay.map(\.name))
        var a: Attrs = self
        while let b = a.base {
            for x in a.own where seen.insert(x.name).inserted { overlay.append(x) }
            a = b
        }
        overlay.sort { $0.name.id < $1.name.id }
        let bottom = UnsafeBufferPointer(a.own)
        let start = Attrs.arenaBuffer(capacity: bottom.count + overlay.count)
        return (start, Attrs.merge(bottom, overlay, into: start))
    }

    /// Writes the merge of two sorted runs from `out` on (`b` wins on equal
    /// names), which has room for both; returns how many it wrote.
    private static func merge<B: RandomAccessCollection<Attr>>(_ a: UnsafeBufferPointer<Attr>, _ b: B,
                                                             into out: UnsafeMutablePointer<Attr>) -> Int
    where B.Index == Int {
        if b.count * 8 < a.count { return mergeFew(a, b, into: out) }
        var n = 0
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i].name.id, y = b[j].name.id
            if x < y { (out + n).initialize(to: a[i]); i += 1 }
            else if x > y { (out + n).initialize(to: b[j]); j += 1 }
            else { (out + n).initialize(to: b[j]); i += 1; j += 1 }
            n += 1
        }
        while i < a.count { (out + n).initialize(to: a[i]); i += 1; n += 1 }
        while j < b.count { (out + n).initialize(to: b[j]); j += 1; n += 1 }
        return n
    }

    /// `merge` with a small `b`: copy `a` in runs between the places `b`'s
    /// attributes go (found by binary search).
    private static func mergeFew<B: RandomAccessCollection<Attr>>(_ a: UnsafeBufferPointer<Attr>, _ b: B,
                                                                into out: UnsafeMutablePointer<Attr>) -> Int
    where B.Index == Int {
        var n = 0
        var from = 0
        for x in b {
            var lo = from, hi = a.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if a[mid].name.id < x.name.id { lo = mid + 1 } else { hi = mid }
            }
            if lo > from, let base = a.baseAddress {
                (out + n).initialize(from: base + from, count: lo - from)
                n += lo - from
            }
            (out + n).initialize(to: x)
            n += 1
            from = lo < a.count && a[lo].name == x.name ? lo + 1 : lo
        }
        if from < a.count, let base = a.baseAddress {
            (out + n).initialize(from: base + from, count: a.count - from)
            n += a.count - from
        }
        return n
    }

    /// The attributes for which `keep` is true, written in place.
    func filtered(_ keep: (Attr) throws -> Bool) rethrows -> Attrs {
        let all = entries
        return try Attrs(capacity: all.count) { out in
            var n = 0
            for e in all where try keep(e) {
                (out + n).initialize(to: e)
                n += 1
            }
            return n
        }
    }

    /// The attributes in Nix's order: byte-wise by name.
    public func sortedByName(_ symbols: SymbolTable) -> [Attr] {
        mapByName(symbols) { $0 }
    }

    /// `transform` of every attribute, in Nix's order of names (byte-wise).
    /// The order is found on a stack array of indices, so the only array
    /// made is the result: `attrNames` and `attrValues` of a small set are
    /// one allocation, where sorting a copy of the entries first made two
    /// and counted a reference to every value on the way.
    public func mapByName<T>(_ symbols: SymbolTable, _ transform: (Attr) throws -> T) rethrows -> [T] {
        symbols.refreshNameOrder()
        let e = entries
        let n = e.count
        if n == 0 { return [] }
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { order in
            for i in 0..<n { order[i] = i }
            if n <= 16 {
                // Insertion sort: most sets are small, and many are already in order.
                for i in 1..<n {
                    let x = order[i], name = e[x].name
                    var j = i
                    while j > 0 && symbols.nameLess(name, e[order[j - 1]].name) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = x
                }
            } else {
                var indices = order  // the same memory: sorting it sorts `order`
                indices.sort { symbols.nameLess(e[$0].name, e[$1].name) }
            }
            var out: [T] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(try transform(e[order[i]])) }
            return out
        }
    }
}
