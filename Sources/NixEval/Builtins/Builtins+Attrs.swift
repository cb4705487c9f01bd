// Builtins: attribute sets — names and values in Nix's byte-wise name order,
// lookups, removal and intersection, lazy mapping and zipping, building sets
// from lists, and genericClosure.
// Attribute values are never forced here unless Nix forces them: results
// hold the original (possibly unevaluated) values or lazy applications.

import NixSyntax

extension Builtins {
    static var attrs: [PrimOp] { [
        PrimOp("attrNames", arity: 1, doc: "The names of a set's attributes, sorted byte-wise.") { ev, args, span in
            let a = try ev.forceAttrs(args[0], at: span)
            return .list(a.mapByName(ev.symbols) { ev.symbols.nameValue($0.name) })
        },
        PrimOp("attrValues", arity: 1, doc: "The values of a set's attributes, in the order of their names.") { ev, args, span in
            .list(try ev.forceAttrs(args[0], at: span).mapByName(ev.symbols) { $0.value })
        },
        PrimOp("getAttr", arity: 2, doc: "The attribute of a set with the given name.") { ev, args, span in
            let name = try ev.forceNameArg(args[0], at: span)
            let a = try ev.forceAttrs(args[1], at: span)
            guard let sym = ev.symbols.lookup(name), let v = a[sym] else {
                throw EvalError("attribute '\(name.shownAsName)' missing for call to 'getAttr'", at: span)
            }
            return try ev.force(v, at: span)
        },
        PrimOp("hasAttr", arity: 2, doc: "Whether a set has an attribute with the given name.") { ev, args, span in
            let name = try ev.forceNameArg(args[0], at: span)
            let a = try ev.forceAttrs(args[1], at: span)
            guard let sym = ev.symbols.lookup(name) else { return .bool(false) }
            return .bool(a[sym] != nil)
        },
        PrimOp("removeAttrs", arity: 2, doc: "A set without the attributes named in a list.") { ev, args, span in
            let a = try ev.forceAttrs(args[0], at: span)
            var drop: [Symbol] = []
            for n in try ev.forceList(args[1], at: span) {
                if let sym = ev.symbols.lookup(try ev.forceNameArg(n, at: span)), a.find(sym) != nil { drop.append(sym) }
            }
            if drop.isEmpty { return .attrs(a) }
            // Usually a few names: scanned, not hashed.
            if drop.count <= 8 { return .attrs(a.filtered { !drop.contains($0.name) }) }
            let dropSet = Set(drop)
            return .attrs(a.filtered { !dropSet.contains($0.name) })
        },
        PrimOp("intersectAttrs", arity: 2, doc: "The attributes of the second set whose names are in the first.") { ev, args, span in
            let names = try ev.forceAttrs(args[0], at: span)
            let a = try ev.forceAttrs(args[1], at: span)
            // Walk the smaller set and look each name up in the other, so
            // picking a few names out of a big set costs a few lookups.
            if names.count < a.count {
                return .attrs(Attrs(sortedEntries: names.entries.compactMap { n in a.attr(n.name) }))
            }
            return .attrs(a.filtered { names.find($0.name) != nil })
        },
        PrimOp("catAttrs", arity: 2, doc: "The values of the attribute with the given name in each set of a list that has it.") { ev, args, span in
            let name = try ev.forceNameArg(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            // Interned, not looked up: the name may first appear inside the sets.
            let sym = ev.symbols.intern(name)
            var out: [Value] = []
            for e in list {
                let a = try ev.forceAttrs(e, at: span)
                if let v = a[sym] { out.append(v) }
            }
            return .list(out)
        },
        PrimOp("mapAttrs", arity: 2, doc: "Apply a function to each attribute's name and value, lazily.") { ev, args, span in
            let entries = try ev.forceAttrs(args[1], at: span).entries
            return .attrs(AttrCalls(function: args[0], attrs: entries).resultSet())
        },
        PrimOp("zipAttrsWith", arity: 2, doc: "Merge a list of sets, applying a function to each name and the list of its values.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            // Every attribute of every set, then grouped by name: sorted by
            // symbol and, within a name, by position (the list's order).
            var all: [(name: Symbol, seq: Int, value: Value)] = []
            for e in try ev.forceList(args[1], at: span) {
                // Nix forces these without a position.
                for attr in try ev.forceAttrs(e, at: .none).entries { all.append((attr.name, all.count, attr.value)) }
            }
            all.sort { $0.name.id != $1.name.id ? $0.name.id < $1.name.id : $0.seq < $1.seq }
            // Each name with the list of its values, then one call per name.
            var lists: [Attr] = []
            var i = 0
            while i < all.count {
                let sym = all[i].name
                var vs: [Value] = []
                while i < all.count && all[i].name == sym {
                    vs.append(all[i].value)
                    i += 1
                }
                lists.append(Attr(name: sym, value: .list(vs)))
            }
            return .attrs(AttrCalls(function: f, attrs: lists).resultSet())
        },
        PrimOp("listToAttrs", arity: 1, doc: "A set from a list of { name, value } sets; the first of equal names wins.") { ev, args, span in
            let list = try ev.forceList(args[0], at: span)
            let sName = ev.sName, sValue = ev.sValue
            // A short list is checked for repeated names by scanning what is
            // taken so far: cheaper than hashing.
            let scan = list.count <= 16
            var seen = Set<Symbol>()
            if !scan { seen.reserveCapacity(list.count) }
            var out: [Attr] = []
            out.reserveCapacity(list.count)
            for e in list {
                let a = try ev.forceAttrs(e, at: span)
                guard let nameAttr = a.attr(sName) else {
                    throw EvalError("attribute 'name' missing for call to 'listToAttrs'", at: span)
                }
                let name = try ev.forceNameArg(nameAttr.value, at: nameAttr.span.isNone ? span : nameAttr.span)
                let sym = ev.symbols.intern(name)
                if scan {
                    if out.contains(where: { $0.name == sym }) { continue }
                } else if !seen.insert(sym).inserted {
                    continue
                }
                guard let valueAttr = a.attr(sValue) else {
                    throw EvalError("attribute 'value' missing for call to 'listToAttrs'", at: span)
                }
                out.append(Attr(name: sym, value: valueAttr.value, span: valueAttr.span))
            }
            // Names are unique already: sort in place rather than copy.
            out.sort { $0.name.id < $1.name.id }
            return .attrs(Attrs(sortedEntries: out))
        },
        PrimOp("genericClosure", arity: 1, doc: "The closure of a start set of { key, … } sets under an operator, each key once.") { ev, args, span in
            try genericClosure(ev, args[0], span)
        },
    ] }

    private static func genericClosure(_ ev: Evaluator, _ arg: Value, _ span: Span) throws -> Value {
        let a = try ev.forceAttrs(arg, at: span)
        guard let start = a[ev.symbols.intern("startSet")] else {
            throw EvalError("attribute 'startSet' missing for call to 'genericClosure'", at: span)
        }
        var work = try ev.forceList(start, at: span)
        guard let op = a[ev.symbols.intern("operator")] else {
            throw EvalError("attribute 'operator' missing for call to 'genericClosure'", at: span)
        }
        let sKey = ev.symbols.intern("key")
        var done = ClosureKeys()
        var result: [Value] = []
        var next = 0
        while next < work.count {
            let e = work[next]
            next += 1
            // Drop consumed entries now and then so the work list does not grow without bound.
            if next > 4096 && next * 2 > work.count { work.removeFirst(next); next = 0 }
            let item = try ev.forceAttrs(e, at: span)
            guard let k = item[sKey] else { throw EvalError("attribute 'key' required", at: span) }
            if try !done.insert(try ev.force(k, at: span), ev) { continue }
            result.append(.attrs(item))
            let produced = try ev.forceList(try ev.apply(op, .attrs(item), at: .none), at: span)
            for p in produced { work.append(try ev.force(p, at: span)) }
        }
        return .list(result)
    }
}

/// The keys genericClosure has seen, ordered as Nix orders values (its
/// std::set with Nix's value comparison). Keys that are all integers or all
/// strings live in a hash set, which orders them the same way; the first key
/// of another type moves everything into a sorted array searched with the
/// language's `<`, which also reports incomparable keys as Nix does.
struct ClosureKeys {
    private var ints = Set<Int>()
    private var strings = Set<[UInt8]>()
    private var sorted: [Value]? = nil

    /// Adds `key`; false if an equal key was there already.
    mutating func insert(_ key: Value, _ ev: Evaluator) throws -> Bool {
        if sorted == nil {
            switch key {
            case .int(let i) where strings.isEmpty: return ints.insert(i).inserted
            case .string(let s) where ints.isEmpty: return strings.insert(Array(s.string.utf8)).inserted
            default: try spill(ev)
            }
        }
        var keys = sorted ?? []
        sorted = nil
        defer { sorted = keys }
        // Binary search, comparing the new key first as a std::set insertion does.
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if try ev.lessThan(key, keys[mid], at: .none) { hi = mid }
            else if try ev.lessThan(keys[mid], key, at: .none) { lo = mid + 1 }
            else { return false }
        }
        keys.insert(key, at: lo)
        return true
    }

    private mutating func spill(_ ev: Evaluator) throws {
        var keys: [Value] = ints.sorted().map { .int($0) }
        keys += strings.sorted { $0.lexicographicallyPrecedes($1) }.map { .string(String(decoding: $0, as: UTF8.self)) }
        ints = []
        strings = []
        sorted = keys
    }
}
