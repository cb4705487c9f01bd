// Builtins: derivations. `derivationStrict` turns a set of attributes into a
// store derivation exactly as Nix 2.8 does — environment, arguments, inputs
// from string context, fixed-output and input-addressed output paths — writes
// the .drv file into Roost's store and returns drvPath and the output paths
// with Nix's contexts. `derivation` is the lazy wrapper that returns the
// familiar set (all, drvAttrs, drvPath, outPath, outputName, type, one set per
// output, plus the given attributes). Nothing is built here.

import Crypto
import NixSyntax

extension Builtins {
    static var derivations: [PrimOp] { [
        PrimOp("derivationStrict", arity: 1, doc: "Instantiate a derivation: write its .drv file and return drvPath and its output paths.") { ev, args, span in
            try derivationStrict(ev, args[0], span)
        },
        PrimOp("placeholder", arity: 1, doc: "The text a builder's output path replaces: / and the nix-base32 SHA-256 of \"nix-output:NAME\".") { ev, args, span in
            let output = try ev.forceNameArg(args[0], at: span)
            let digest = Array(SHA256.hash(data: Array("nix-output:".utf8) + output.bytes))
            return .string("/" + NixBase32.encode(digest))
        },
        PrimOp("derivation", arity: 1, doc: "Describe a build: the set of attributes with drvPath, outPath and one set per output, computed lazily.") { ev, args, span in
            try derivation(ev, args[0], span)
        },
    ] }

    /// The lazy wrapper: forcing the result forces only the output names;
    /// drvPath and outPath call derivationStrict (once) when used.
    static func derivation(_ ev: Evaluator, _ arg: Value, _ span: Span) throws -> Value {
        let drvAttrs = try ev.forceAttrs(arg, at: span)
        let strict = Value.thunk(Thunk(.native { ev in try derivationStrict(ev, .attrs(drvAttrs), span) }))
        let outputs = try ev.forceList(drvAttrs[ev.symbols.intern("outputs")] ?? .list([.string("out")]), at: span)
        guard !outputs.isEmpty else { throw EvalError("list index 0 is out of bounds", at: span) }
        let names = try outputs.map { try ev.forceStringNoContextArg($0, at: span) }
        // Each output's set is reachable from every other (by name and in `all`): allocate the cells first.
        let cells = names.map { _ in Thunk(value: .null) }
        var byName: [Attr] = []
        var seen = Set<Symbol>()
        for (i, n) in names.enumerated() where seen.insert(ev.symbols.intern(n)).inserted {
            byName.append(Attr(name: ev.symbols.intern(n), value: .thunk(cells[i])))
        }
        let common = drvAttrs
            .updating(with: Attrs(unsorted: byName))
            .updating(with: Attrs(unsorted: [
                // One shared, lazy cell, as in Nix: printed as <CODE> until used, then once and «repeated» after.
                Attr(name: ev.symbols.intern("all"), value: .thunk(Thunk(.native { _ in .list(cells.map { .thunk($0) }) }))),
                Attr(name: ev.symbols.intern("drvAttrs"), value: .attrs(drvAttrs)),
            ]))
        let sDrvPath = ev.symbols.intern("drvPath")
        for (i, n) in names.enumerated() {
            let outPath = Value.thunk(Thunk(.native { ev in
                let s = try ev.forceAttrs(strict, at: span)
                guard let sym = ev.symbols.lookup(n), let v = s[sym] else {
                    throw EvalError("attribute '\(n)' missing for call to 'getAttr'", at: span)
                }
                return v
            }))
            let drvPath = Value.thunk(Thunk(.native { ev in
                guard let v = try ev.forceAttrs(strict, at: span)[sDrvPath] else {
                    throw EvalError("attribute 'drvPath' missing", at: span)
                }
                return v
            }))
            let own = Attrs(unsorted: [
                Attr(name: ev.symbols.intern("outPath"), value: outPath),
                Attr(name: sDrvPath, value: drvPath),
                Attr(name: ev.symbols.intern("type"), value: .string("derivation")),
                Attr(name: ev.symbols.intern("outputName"), value: outputs[i]),
            ])
            cells[i].state = .evaluated(.attrs(common.updating(with: own)))
        }
        return try ev.force(.thunk(cells[0]), at: span)
    }

    static func derivationStrict(_ ev: Evaluator, _ arg: Value, _ span: Span) throws -> Value {
        let a = try ev.forceAttrs(arg, at: span)
        guard let nameAttr = a.attr(ev.symbols.intern("name")) else {
            throw EvalError("attribute 'name' missing for call to 'derivationStrict'", at: span)
        }
        let namePos = nameAttr.span.isNone ? span : nameAttr.span
        let drvName = try withTrace("while evaluating the derivation attribute 'name'", at: namePos) {
            try ev.forceStringNoContextArg(nameAttr.value, at: span)
        }
        var spec = DerivationSpec(name: drvName, namePos: namePos)
        if let s = a[ev.symbols.intern("__structuredAttrs")], try ev.forceBool(s, at: span) { spec.json = [] }
        if let s = a[ev.symbols.intern("__ignoreNulls")] { spec.ignoreNulls = try ev.forceBool(s, at: span) }
        for attr in a.sortedByName(ev.symbols) {
            let key = ev.symbols.name(attr.name)
            if key == "__ignoreNulls" { continue }
            try withTrace("while evaluating the attribute '\(key)' of the derivation '\(drvName)'", at: namePos) {
                try spec.add(key, attr, ev, span)
            }
        }
        let store = StorePaths(storeDir: ev.options.storeDir)
        do {
            let drv = try spec.finish(store, ev)
            let drvPath = try StoreWriter(storeDir: store.storeDir)
                .addText(name: drvName + ".drv", contents: drv.unparsedBytes(maskOutputs: false), references: drv.references)
            DerivationRegistry.shared.remember(drv, at: drvPath, hashes: try store.hashModulo(drv, maskOutputs: false))
            var result: [(String, Value)] = [("drvPath", .string(NixString(drvPath, context: StringContext("=" + drvPath))))]
            for (name, output) in drv.outputs {
                let path: String
                switch output {
                case .inputAddressed(let p), .fixed(_, _, let p): path = p
                case .deferred: continue
                }
                result.append((name, .string(NixString(path, context: StringContext("!\(name)!\(drvPath)")))))
            }
            return ev.makeAttrs(result)
        } catch let e as StorePathError {
            throw EvalError(e.message, at: .none)
        }
    }

    /// Runs `body`, adding a "while …" frame to any error it throws.
    static func withTrace<T>(_ message: String, at span: Span, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var e as EvalError {
            e.trace.append(TraceFrame(message, at: span))
            throw e
        } catch var e as CatchableError {
            e.trace.append(TraceFrame(message, at: span))
            throw e
        }
    }
}

/// The attributes of a derivation being collected, in name order, with the
/// special ones (builder, system, outputs, outputHash…) interpreted as Nix does.
struct DerivationSpec {
    var drv: Derivation
    let namePos: Span
    var context = StringContext.empty
    var ignoreNulls = false
    /// The `"key":value` members of `__json` when `__structuredAttrs` is set.
    var json: [String]? = nil
    var outputs: [String] = ["out"]
    var outputHash: String? = nil
    var outputHashAlgo = ""
    var recursive: Bool? = nil

    init(name: String, namePos: Span) {
        drv = Derivation(name: name)
        self.namePos = namePos
    }

    mutating func add(_ key: String, _ attr: Attr, _ ev: Evaluator, _ span: Span) throws {
        let attrPos = attr.span.isNone ? span : attr.span
        if ignoreNulls, case .null = try ev.force(attr.value, at: span) { return }
        switch key {
        case "__contentAddressed", "__impure":
            if try ev.forceBool(attr.value, at: span) {
                let feature = key == "__impure" ? "impure-derivations" : "ca-derivations"
                throw EvalError("experimental Nix feature '\(feature)' is disabled; use '--extra-experimental-features \(feature)' to override", at: .none)
            }
        case "args":
            for element in try ev.forceList(attr.value, at: span) {
                let s = try DerivationSpec.coerce(element, ev, at: namePos)
                context.formUnion(s.context)
                drv.args.append(s.string)
            }
        default:
            if json != nil {
                try addStructured(key, attr, ev, span)
                return
            }
            let s = try DerivationSpec.coerce(attr.value, ev, at: attrPos)
            context.formUnion(s.context)
            drv.env[key] = s.string
            switch key {
            case "builder": drv.builder = s.string
            case "system": drv.platform = s.string
            case "outputHash": outputHash = s.string
            case "outputHashAlgo": outputHashAlgo = s.string
            case "outputHashMode": try setHashMode(s.string)
            case "outputs":
                try setOutputs(s.string.split(whereSeparator: { " \t\n\r".contains($0) }).map(String.init))
            default: break
            }
        }
    }

    /// coerceToString as derivations use it (more types accepted, paths copied to the store).
    static func coerce(_ value: Value, _ ev: Evaluator, at span: Span) throws -> NixString {
        let v = try ev.force(value, at: span)
        if case .string(let s) = v { return s }
        return try ev.coerceToString(v, at: span, coerceMore: true, copyToStore: true)
    }

    private mutating func addStructured(_ key: String, _ attr: Attr, _ ev: Evaluator, _ span: Span) throws {
        if key == "__structuredAttrs" { return }
        var ctx = StringContext.empty
        let text = try ev.jsonText(attr.value, at: span, copyToStore: true, context: &ctx)
        context.formUnion(ctx)
        json?.append(try ev.printJSON(.string(key), at: span, copyToStore: false) + ":" + text)
        switch key {
        case "builder":
            let s = try ev.forceString(attr.value, at: namePos)
            context.formUnion(s.context)
            drv.builder = s.string
        case "system": drv.platform = try ev.forceStringNoContextArg(attr.value, at: namePos)
        case "outputHash": outputHash = try ev.forceStringNoContextArg(attr.value, at: namePos)
        case "outputHashAlgo": outputHashAlgo = try ev.forceStringNoContextArg(attr.value, at: namePos)
        case "outputHashMode": try setHashMode(try ev.forceStringNoContextArg(attr.value, at: namePos))
        case "outputs":
            try setOutputs(try ev.forceList(attr.value, at: namePos).map { try ev.forceStringNoContextArg($0, at: namePos) })
        default: break
        }
    }

    private mutating func setHashMode(_ mode: String) throws {
        switch mode {
        case "recursive": recursive = true
        case "flat": recursive = false
        default: throw EvalError("invalid value '\(mode)' for 'outputHashMode' attribute", at: namePos)
        }
    }

    private mutating func setOutputs(_ names: [String]) throws {
        var seen = Set<String>()
        for n in names {
            if !seen.insert(n).inserted { throw EvalError("duplicate derivation output '\(n)'", at: namePos) }
            if n == "drv" { throw EvalError("invalid derivation output name 'drv'", at: namePos) }
        }
        if names.isEmpty { throw EvalError("derivation cannot have an empty set of outputs", at: namePos) }
        outputs = names
    }

    /// Adds the inputs named by the context, checks what Nix checks, and computes the output paths.
    mutating func finish(_ store: StorePaths, _ ev: Evaluator) throws -> Derivation {
        if let json { drv.env["__json"] = "{" + json.joined(separator: ",") + "}" }
        for element in (context.elements ?? []).sorted(by: { $0.nixLess($1) }) {
            switch ContextElement(element) {
            case .path(let p): drv.inputSrcs.insert(p)
            case .output(let name, let d): drv.inputDrvs[d, default: []].insert(name)
            case .allOutputs(let d):
                // The builder may read the whole graph behind the .drv, so all of it becomes input.
                for p in try store.closure(of: d) {
                    drv.inputSrcs.insert(p)
                    if p.hasSuffix(".drv") { drv.inputDrvs[p] = Set(try store.derivation(at: p).outputs.keys) }
                }
            }
        }
        if drv.builder.isEmpty { throw EvalError("required attribute 'builder' missing", at: namePos) }
        if drv.platform.isEmpty { throw EvalError("required attribute 'system' missing", at: namePos) }
        if drv.name.hasSuffix(".drv") { throw EvalError("derivation names are not allowed to end in '.drv'", at: namePos) }
        if let outputHash {
            if outputs != ["out"] {
                throw EvalError("multiple outputs are not supported in fixed-output derivations", at: namePos)
            }
            let algorithm = ContentHash.Algorithm(name: outputHashAlgo)
            let hash: ContentHash
            if outputHash.isEmpty {
                guard let algorithm else { throw StorePathError("empty hash requires explicit hash type") }
                hash = ContentHash(algorithm: algorithm, bytes: [UInt8](repeating: 0, count: algorithm.byteCount))
            } else {
                hash = try ContentHash.parse(outputHash, expected: algorithm)
            }
            let path = try store.fixedOutputPath(recursive: recursive ?? false, hash: hash, name: drv.name)
            drv.env["out"] = path
            drv.outputs = ["out": .fixed(recursive: recursive ?? false, hash: hash, path: path)]
            return drv
        }
        for o in outputs {
            drv.env[o] = ""
            drv.outputs[o] = .deferred
        }
        let hashes = try store.hashModulo(drv, maskOutputs: true)
        for o in outputs {
            let path = try store.outputPath(output: o, sha256Hex: hashes[o] ?? "", derivationName: drv.name)
            drv.env[o] = path
            drv.outputs[o] = .inputAddressed(path: path)
        }
        return drv
    }
}

extension StorePaths {
    /// Every store path reachable from `path` through references, itself included.
    func closure(of path: String) throws(StorePathError) -> [String] {
        var seen: Set<String> = [path]
        var order: [String] = []
        var work = [path]
        while let p = work.popLast() {
            order.append(p)
            let refs: [String]
            if p.hasSuffix(".drv") {
                refs = try derivation(at: p).references
            } else {
                refs = StoreRegistry.shared.references(of: p) ?? []
            }
            for r in refs where seen.insert(r).inserted { work.append(r) }
        }
        return order
    }
}
