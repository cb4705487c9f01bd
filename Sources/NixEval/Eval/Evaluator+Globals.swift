// The global scope, exactly as Nix 2.8 lays it out: the `builtins` set (every
// builtin function and constant, and `builtins` itself), a handful of names
// that are also global without prefix (`import`, `map`, `toString`, `true`,
// …), and every other builtin as `__name` (`__add`, `__sub`, `__lessThan`,
// which the operators desugar to, `__findFile`, `__nixPath`, …).

import NixSyntax

extension Evaluator {
    /// Builtins reachable without the `builtins.` prefix (and then not as `__name`).
    static var unprefixedGlobals: Set<String> { [
        "abort", "baseNameOf", "builtins", "derivation", "derivationStrict", "dirOf", "false",
        "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import", "isNull",
        "map", "null", "placeholder", "removeAttrs", "scopedImport", "throw", "toString", "true",
    ] }

    func setUpGlobals() {
        var entries: [String: Value] = [:]
        var order: [String] = []
        func add(_ name: String, _ value: Value) {
            if entries[name] == nil { order.append(name) }
            entries[name] = value
        }
        for op in Builtins.functions { add(op.name, .primop(op)) }
        for c in Builtins.constants { add(c.name, c.make(self)) }
        // `builtins.builtins` is the set itself: a thunk filled in once the set exists.
        let selfThunk = Thunk(value: .null)
        add("builtins", .thunk(selfThunk))

        var attrs: [Attr] = []
        attrs.reserveCapacity(order.count)
        for name in order {
            if let v = entries[name] { attrs.append(Attr(name: symbols.intern(name), value: v)) }
        }
        let builtins = Attrs(unsorted: attrs)
        selfThunk.state = .evaluated(.attrs(builtins))
        builtinsAttrs = builtins

        // The global environment: one slot per global name.
        var names: [Symbol: Int] = [:]
        var values: [Value] = []
        let unprefixed = Evaluator.unprefixedGlobals
        for name in order {
            guard let v = entries[name] else { continue }
            let global = unprefixed.contains(name) ? name : "__" + name
            names[symbols.intern(global)] = values.count
            values.append(name == "builtins" ? .attrs(builtins) : v)
        }
        let env = Env.make(parent: nil, count: values.count)
        for (i, v) in values.enumerated() { env.fill(i, with: v) }
        baseEnv = env
        globalScope.names = names
    }
}
