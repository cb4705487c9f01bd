// Builtins: core. Control (throw, abort, tryEval, seq, deepSeq, trace,
// addErrorContext), files (import, scopedImport, findFile, getEnv), type
// tests, functionArgs, unsafeGetAttrPos, toString, and the constants
// (true, false, null, nixVersion, langVersion, currentSystem, currentTime,
// storeDir, nixPath). `builtins` itself is added by the evaluator.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixSyntax

extension Builtins {
    static var core: [PrimOp] { control + files + types }

    static var control: [PrimOp] { [
        PrimOp("throw", arity: 1, doc: "Raise an error that `tryEval` can catch.") { ev, args, span in
            let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
            throw CatchableError(s.string, at: .none)
        },
        PrimOp("abort", arity: 1, doc: "Stop evaluation with a message; nothing can catch it.") { ev, args, span in
            let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
            throw EvalError("evaluation aborted with the following error message: '\(s.string)'", at: .none)
        },
        PrimOp("tryEval", arity: 1, doc: "Evaluate to `{ success; value; }`, catching `throw` and `assert`.") { ev, args, span in
            do {
                _ = try ev.force(args[0], at: span)
                return ev.makeAttrs([("success", .bool(true)), ("value", args[0])])
            } catch is CatchableError {
                return ev.makeAttrs([("success", .bool(false)), ("value", .bool(false))])
            }
        },
        PrimOp("seq", arity: 2, doc: "Force the first argument, return the second.") { ev, args, span in
            _ = try ev.force(args[0], at: span)
            return try ev.force(args[1], at: span)
        },
        PrimOp("deepSeq", arity: 2, doc: "Force the first argument deeply, return the second.") { ev, args, span in
            try ev.deepForce(args[0], at: span)
            return try ev.force(args[1], at: span)
        },
        PrimOp("trace", arity: 2, doc: "Print the first argument on stderr, return the second.") { ev, args, span in
            let v = try ev.force(args[0], at: span)
            // Bytes, as Nix writes them: a string need not be UTF-8.
            var line = Array("trace: ".utf8)
            if case .string(let s) = v {
                s.withBytes { line.append(contentsOf: $0) }
            } else {
                line.append(contentsOf: try ev.printValueBytes(v))
            }
            line.append(UInt8(ascii: "\n"))
            ev.traceOutput(line)
            return try ev.force(args[1], at: span)
        },
        PrimOp("addErrorContext", arity: 2, doc: "Evaluate the second argument; on error, add the first to its trace.") { ev, args, span in
            do {
                return try ev.force(args[1], at: span)
            } catch var e as EvalError {
                if !e.suppressesTrace {
                    let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
                    e.trace.append(TraceFrame(s.string, at: .none))
                }
                throw e
            } catch var e as CatchableError {
                let s = try ev.coerceToString(args[0], at: span, coerceMore: false, copyToStore: true)
                e.trace.append(TraceFrame(s.string, at: .none))
                throw e
            }
        },
    ] }

    static var files: [PrimOp] { [
        PrimOp("import", arity: 1, doc: "Evaluate a Nix file (or a directory's default.nix).") { ev, args, span in
            try ev.importFile(try ev.importPathArgument(args[0], at: span), at: span)
        },
        PrimOp("scopedImport", arity: 2, doc: "Like `import`, with the names of a set in scope.") { ev, args, span in
            let attrs = try ev.forceAttrs(args[0], at: span)
            return try ev.scopedImport(attrs, try ev.importPathArgument(args[1], at: span), at: span)
        },
        PrimOp("findFile", arity: 2, doc: "Look a name up in a search path (a list of `{ prefix; path; }`).") { ev, args, span in
            var entries: [(prefix: String, path: String)] = []
            let sPrefix = ev.symbols.intern("prefix"), sPath = ev.symbols.intern("path")
            for item in try ev.forceList(args[0], at: span) {
                let attrs = try ev.forceAttrs(item, at: span)
                var prefix = ""
                if let p = attrs[sPrefix] { prefix = try ev.forceString(p, at: span).string }
                guard let p = attrs[sPath] else {
                    var e = EvalError("attribute 'path' missing for call to 'findFile'", at: attrs.span)
                    e.trace.append(TraceFrame("while invoking 'findFile'", at: span))
                    throw e
                }
                let path = try ev.coerceToString(p, at: span, coerceMore: false, copyToStore: false)
                entries.append((prefix, path.string))
            }
            let name = try ev.forceString(args[1], at: span).string
            return .path(try ev.findFile(entries, name, at: span))
        },
        PrimOp("getEnv", arity: 1, doc: "The value of an environment variable, or \"\".") { ev, args, span in
            let name = try ev.forceString(args[0], at: span).string
            guard let v = getenv(name) else { return .string("") }
            // An environment variable is bytes, not necessarily UTF-8.
            return .string(NixString(bytes: UnsafeBufferPointer(start: v, count: strlen(v)).lazy.map { UInt8(bitPattern: $0) }))
        },
    ] }

    static var types: [PrimOp] { [
        typeTest("isNull", "null") { if case .null = $0 { true } else { false } },
        typeTest("isInt", "int") { if case .int = $0 { true } else { false } },
        typeTest("isFloat", "float") { if case .float = $0 { true } else { false } },
        typeTest("isBool", "bool") { if case .bool = $0 { true } else { false } },
        typeTest("isString", "string") { if case .string = $0 { true } else { false } },
        typeTest("isPath", "path") { if case .path = $0 { true } else { false } },
        typeTest("isList", "list") { if case .list = $0 { true } else { false } },
        typeTest("isAttrs", "set") { if case .attrs = $0 { true } else { false } },
        typeTest("isFunction", "lambda") {
            switch $0 {
            case .lambda, .primop, .primopApp: true
            default: false
            }
        },
        PrimOp("typeOf", arity: 1, doc: "The name of a value's type: int, float, bool, string, path, null, set, list or lambda.") { ev, args, span in
            .string(try ev.force(args[0], at: span).typeName)
        },
        PrimOp("functionArgs", arity: 1, doc: "The formals of a function as `{ name = hasDefault; }`.") { ev, args, span in
            let f = try ev.force(args[0], at: span)
            switch f {
            case .lambda(let c):
                // Each attribute at its formal, where Nix's unsafeGetAttrPos finds it.
                return .attrs(Attrs(unsorted: c.code.formalList.map {
                    Attr(name: $0.name, value: .bool($0.defaultValue != nil), span: $0.span)
                }))
            case .primop, .primopApp:
                return .attrs(.empty)
            default:
                throw EvalError("'functionArgs' requires a function", at: span)
            }
        },
        PrimOp("unsafeGetAttrPos", arity: 2, doc: "Where an attribute is defined: `{ file; line; column; }` or null.") { ev, args, span in
            let name = try ev.forceString(args[0], at: span)
            let attrs = try ev.forceAttrs(args[1], at: span)
            guard let sym = ev.symbols.lookup(name), let attr = attrs.attr(sym) else { return .null }
            return ev.positionValue(attr.span)
        },
        PrimOp("toString", arity: 1, doc: "Convert a value to a string (lists space-separated, null and false to \"\").") { ev, args, span in
            .string(try ev.coerceToString(args[0], at: span, coerceMore: true, copyToStore: false))
        },
    ] }

    /// `is<Type>`: `test` sees the forced argument (never a thunk). Matches
    /// the case directly: these run for nearly every value a module touches.
    private static func typeTest(_ name: String, _ type: String, _ test: @escaping (borrowing Value) -> Bool) -> PrimOp {
        PrimOp(name, arity: 1, doc: "True if the argument's type is \(type).") { ev, args, span in
            .bool(test(try ev.force(args[0], at: span)))
        }
    }
}

extension Builtins {
    static var coreConstants: [BuiltinConstant] { [
        BuiltinConstant("true", doc: "The Boolean true.") { _ in .bool(true) },
        BuiltinConstant("false", doc: "The Boolean false.") { _ in .bool(false) },
        BuiltinConstant("null", doc: "The null value.") { _ in .null },
        BuiltinConstant("nixVersion", doc: "The version of Nix whose language roost evaluates.") { _ in .string("2.8.0") },
        BuiltinConstant("langVersion", doc: "The version of the Nix language.") { _ in .int(6) },
        BuiltinConstant("currentSystem", doc: "The platform roost runs on, such as x86_64-linux.") { _ in .string(currentSystem) },
        BuiltinConstant("currentTime", doc: "Seconds since the epoch when evaluation started.") { _ in .int(Int(time(nil))) },
        BuiltinConstant("storeDir", doc: "Roost's store directory (ROOST_STORE_DIR).") { ev in .string(ev.options.storeDir) },
        BuiltinConstant("nixPath", doc: "The search path: `-I` entries, then NIX_PATH.") { ev in
            .list(ev.searchPathEntries.map { ev.makeAttrs([("path", .string($0.path)), ("prefix", .string($0.prefix))]) })
        },
    ] }

    static var currentSystem: String {
        #if arch(x86_64)
        return "x86_64-linux"
        #elseif arch(arm64)
        return "aarch64-linux"
        #else
        return "unknown-linux"
        #endif
    }
}

extension Evaluator {
    /// The argument of `import`: a path, or a string holding an absolute path.
    func importPathArgument(_ value: Value, at span: Span) throws -> String {
        do {
            let v = try force(value, at: span)
            if case .path(let p) = v { return p.string }
            let s = try coerceToString(v, at: span, coerceMore: false, copyToStore: false)
            guard s.string.hasPrefix("/") else {
                throw EvalError("string '\(s.string)' doesn't represent an absolute path", at: span)
            }
            return s.string
        } catch var e as EvalError {
            if !e.suppressesTrace { e.trace.append(TraceFrame("while realising the context of a path", at: span)) }
            throw e
        } catch var e as CatchableError {
            e.trace.append(TraceFrame("while realising the context of a path", at: span))
            throw e
        }
    }
}
