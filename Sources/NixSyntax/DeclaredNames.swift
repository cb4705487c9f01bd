// Duplicate attributes, which nix rejects while parsing: the static names each
// set (or `let`) declares, including the sets that nested paths (`a.b = …`)
// create implicitly, so that `{ a.b = 1; a.b = 2; }` is caught while
// `{ a = { b = 1; }; a.c = 2; }` (which nix merges) is not.
// Only names are tracked; building the merged sets is the evaluator's work.

/// The static names declared in one attribute set.
final class DeclaredNames {
    struct Entry {
        /// The names of the set this attribute holds, when it is a set literal or
        /// was created by a nested path; nil for any other value.
        var nested: DeclaredNames?
        /// Where nix says the attribute was defined: the start of its binding.
        var position: Span
        var inherited: Bool
    }

    /// A static name: text, or bytes that are not UTF-8. Compared by bytes,
    /// as Nix compares names (see ExactString).
    enum Key: Hashable {
        case text(ExactString)
        case bytes([UInt8])

        init?(_ name: AttrName) {
            switch name {
            case .name(let n, _): self = .text(ExactString(n))
            case .bytes(let b, _): self = .bytes(b)
            case .dynamic: return nil
            }
        }

        /// The name as nix shows it in a message (quoted unless it is an identifier).
        var shown: String {
            switch self {
            case .text(let t): return AttrName.shown(t.text)
            case .bytes(let b): return AttrName.shown(bytes: b)
            }
        }
    }

    private(set) var entries: [Key: Entry] = [:]
    /// Names in the order they were declared, for deterministic merging.
    private(set) var order: [Key] = []

    subscript(name: Key) -> Entry? { entries[name] }

    func declare(_ name: Key, _ entry: Entry) {
        if entries.updateValue(entry, forKey: name) == nil { order.append(name) }
    }

    /// `{ a.a.a… = 1; }` nests tables 100,000 deep; releasing them one frame
    /// per level would overflow a small stack. Detach children iteratively so
    /// each table is freed with no nested tables left in it.
    deinit {
        var pending: [DeclaredNames] = []
        for (_, e) in entries { if let n = e.nested { pending.append(n) } }
        entries = [:]
        while var table = pending.popLast() {
            // A table still referenced elsewhere stays intact; only the last owner takes it apart.
            guard isKnownUniquelyReferenced(&table) else { continue }
            for (_, e) in table.entries { if let n = e.nested { pending.append(n) } }
            table.entries = [:]
        }
    }
}

extension SyntaxParser {
    /// Records `path = value` in `names`, reporting a duplicate the way nix does.
    mutating func checkDuplicate(path: [AttrName], value: Expr, at position: Span, in names: DeclaredNames) {
        var table = names
        for (i, element) in path.enumerated() {
            let isLast = i == path.count - 1
            guard let name = DeclaredNames.Key(element) else {
                // Below a dynamic name nothing can be known statically.
                if isLast { return }
                table = DeclaredNames()
                continue
            }
            if !isLast {
                if let existing = table[name] {
                    if !existing.inherited, let nested = existing.nested {
                        table = nested
                        continue
                    }
                    reportDuplicate(describe(path), at: position, previous: existing.position)
                    return
                }
                let nested = DeclaredNames()
                table.declare(name, .init(nested: nested, position: position, inherited: false))
                table = nested
                continue
            }
            let valueNames = namesOfSetLiteral(value)
            if let existing = table[name] {
                // Two set literals for one name are merged, unless they share a name.
                if !existing.inherited, let target = existing.nested, let added = valueNames {
                    for key in added.order {
                        guard let entry = added[key] else { continue }
                        if let clash = target[key] {
                            reportDuplicate(key.shown, at: clash.position, previous: entry.position)
                            return
                        }
                        target.declare(key, entry)
                    }
                } else {
                    reportDuplicate(describe(path), at: position, previous: existing.position)
                }
                return
            }
            table.declare(name, .init(nested: valueNames, position: position, inherited: false))
        }
    }

    mutating func declareInherited(_ name: DeclaredNames.Key, at position: Span, in names: DeclaredNames) {
        if let existing = names[name] {
            reportDuplicate(name.shown, at: position, previous: existing.position)
            return
        }
        names.declare(name, .init(nested: nil, position: position, inherited: true))
    }

    /// The names of `value` if it is an attribute set literal (`{…}` or `rec {…}`).
    func namesOfSetLiteral(_ value: Expr) -> DeclaredNames? {
        guard case .attrs(_, _, let s) = value else { return nil }
        return declaredNames[s.start]
    }

    mutating func reportDuplicate(_ name: String, at position: Span, previous: Span) {
        var whereBefore = ""
        if let position = sourceMap.positionText(previous) { whereBefore = " at \(position)" }
        reportSemantic("attribute '\(name)' already defined\(whereBefore)", at: position)
    }

    func describe(_ path: [AttrName]) -> String {
        path.map { element -> String in DeclaredNames.Key(element)?.shown ?? "\"${...}\"" }.joined(separator: ".")
    }

}
