// Builtins: string context — the store paths a string refers to, in Nix's
// encodings: "<path>" (a plain store path), "=<drv>" (a derivation and all
// its outputs), "!<output>!<drv>" (one output of a derivation). getContext
// and appendContext translate between these and Nix's attribute-set form.
// Adding context checks that keys are store paths of Roost's store
// directory; it does not check that they exist, as `nix-instantiate --eval`
// does not either.

import NixSyntax

extension Builtins {
    static var context: [PrimOp] { [
        PrimOp("getContext", arity: 1, doc: "The context of a string as a set: path, allOutputs and outputs of each store path.") { ev, args, span in
            let s = try ev.forceString(args[0], at: span)
            return getContext(ev, s.context)
        },
        PrimOp("hasContext", arity: 1, doc: "Whether a string refers to any store path.") { ev, args, span in
            .bool(!(try ev.forceString(args[0], at: span)).context.isEmpty)
        },
        PrimOp("appendContext", arity: 2, doc: "A string with context added from a set in getContext's form.") { ev, args, span in
            try appendContext(ev, args[0], args[1], span)
        },
        PrimOp("unsafeDiscardStringContext", arity: 1, doc: "The same string without any context.") { ev, args, span in
            let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
            return .string(s.context.isEmpty ? s : s.with(context: .empty))
        },
        PrimOp("unsafeDiscardOutputDependency", arity: 1, doc: "The same string with derivations' all-outputs context turned into plain references to the .drv files.") { ev, args, span in
            let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
            guard let elements = s.context.elements else { return .string(s) }
            let plain = Set(elements.map { $0.hasPrefix("=") ? String($0.dropFirst()) : $0 })
            return .string(s.with(context: StringContext(elements: plain)))
        },
    ] }

    private static func getContext(_ ev: Evaluator, _ context: StringContext) -> Value {
        struct Info { var path = false, allOutputs = false, outputs: [String] = [] }
        var infos: [String: Info] = [:]
        for element in (context.elements ?? []).sorted(by: { $0.nixLess($1) }) {
            switch ContextElement(element) {
            case .path(let p): infos[p, default: Info()].path = true
            case .allOutputs(let drv): infos[drv, default: Info()].allOutputs = true
            case .output(let name, let drv): infos[drv, default: Info()].outputs.append(name)
            }
        }
        return ev.makeAttrs(infos.map { path, info in
            var fields: [(String, Value)] = []
            if info.path { fields.append(("path", .bool(true))) }
            if info.allOutputs { fields.append(("allOutputs", .bool(true))) }
            if !info.outputs.isEmpty { fields.append(("outputs", .list(info.outputs.map { .string($0) }))) }
            return (path, ev.makeAttrs(fields))
        })
    }

    private static func appendContext(_ ev: Evaluator, _ string: Value, _ spec: Value, _ span: Span) throws -> Value {
        let s = try ev.forceString(string, at: span)
        let attrs = try ev.forceAttrs(spec, at: span)
        let store = StorePaths(storeDir: ev.options.storeDir)
        let sPath = ev.symbols.intern("path"), sAll = ev.symbols.intern("allOutputs"), sOutputs = ev.symbols.intern("outputs")
        var added = Set<String>()
        for attr in attrs.entries {
            let key = ev.symbols.name(attr.name)
            let at = attr.span.isNone ? span : attr.span
            let shown = AttrName.shown(key)
            guard store.isValidStorePath(key) else {
                throw EvalError("Context key '\(shown)' is not a store path", at: at)
            }
            let info = try ev.forceAttrs(attr.value, at: at)
            if let p = info.attr(sPath), try ev.forceBool(p.value, at: p.span.isNone ? at : p.span) {
                added.insert(key)
            }
            if let a = info.attr(sAll), try ev.forceBool(a.value, at: a.span.isNone ? at : a.span) {
                guard key.hasSuffix(".drv") else {
                    throw EvalError("Tried to add all-outputs context of \(shown), which is not a derivation, to a string", at: at)
                }
                added.insert("=" + key)
            }
            if let o = info.attr(sOutputs) {
                let oAt = o.span.isNone ? at : o.span
                let names = try ev.forceList(o.value, at: oAt)
                if !names.isEmpty && !key.hasSuffix(".drv") {
                    throw EvalError("Tried to add derivation output context of \(shown), which is not a derivation, to a string", at: at)
                }
                for n in names { added.insert("!\(try ev.forceStringNoContextArg(n, at: oAt))!\(key)") }
            }
        }
        return .string(s.with(context: s.context.union(StringContext(elements: added))))
    }
}

/// One element of a string's context, decoded.
enum ContextElement: Equatable {
    case path(String)
    case allOutputs(String)
    case output(String, String)

    init(_ encoded: String) {
        if encoded.hasPrefix("=") {
            self = .allOutputs(String(encoded.dropFirst()))
        } else if encoded.hasPrefix("!"), let end = encoded.dropFirst().firstIndex(of: "!") {
            let name = String(encoded[encoded.index(after: encoded.startIndex)..<end])
            self = .output(name, String(encoded[encoded.index(after: end)...]))
        } else {
            self = .path(encoded)
        }
    }

    /// The store path the element makes a string depend on (the .drv for outputs).
    var storePath: String {
        switch self {
        case .path(let p), .allOutputs(let p), .output(_, let p): return p
        }
    }
}

extension StorePaths {
    /// Whether `path` is exactly `<storeDir>/<32 base-32 characters>-<valid name>`.
    func isValidStorePath(_ path: String) -> Bool {
        let prefix = Array((storeDir == "/" ? "/" : storeDir + "/").utf8)
        guard path.utf8.starts(with: prefix) else { return false }
        let base = Array(path.utf8.dropFirst(prefix.count))
        guard base.count > 33, base[32] == UInt8(ascii: "-") else { return false }
        let alphabet = NixBase32.alphabet
        guard base[0..<32].allSatisfy({ alphabet.contains($0) }) else { return false }
        let name = String(decoding: base[33...], as: UTF8.self)
        return StorePaths.nameProblem(name, hashPart: "") == nil
    }
}
