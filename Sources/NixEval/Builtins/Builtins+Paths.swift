// Builtins: the file system and Roost's store — reading files and
// directories, normalising paths, and adding files and trees to the store
// (`toFile`, `path`, `filterSource`) under the same names Nix would give them
// with the same store directory. Unlike `nix-instantiate --eval`, these
// always write what they name into the store, so the paths exist afterwards.
// Strings that refer to derivation outputs cannot be read: Roost does not
// build during evaluation. `findFile` and `placeholder` live elsewhere.

import Foundation
import NixSyntax
#if canImport(Glibc)
import Glibc
#endif

extension Builtins {
    static var paths: [PrimOp] { [
        PrimOp("readFile", arity: 1, doc: "The contents of a file as a string.") { ev, args, span in
            let p = try ev.coercePathArg(args[0], at: span)
            try ev.checkReadable(p, what: "read")
            let bytes = try readFileForNix(p.string, at: span)
            if bytes.contains(0) {
                throw EvalError("the contents of the file '\(p.string)' cannot be represented as a Nix string", at: span)
            }
            let store = StorePaths(storeDir: ev.options.storeDir)
            var refs = StringContext.empty
            if let entry = store.storePathPrefix(of: p.string), let known = StoreRegistry.shared.references(of: entry) {
                refs = StringContext(elements: Set(known))
            }
            return .string(NixString(bytes: bytes, context: refs))
        },
        PrimOp("readDir", arity: 1, doc: "The entries of a directory with their types: regular, directory, symlink or unknown.") { ev, args, span in
            let p = try ev.coercePathArg(args[0], at: span)
            try ev.checkReadable(p, what: "read")
            let dir = Array(p.string.utf8)
            let names: [[UInt8]]
            do { names = try Archive.entries(dir) } catch let e as ArchiveError { throw EvalError(e.message, at: .none) }
            var out: [Attr] = []
            for name in names {
                var st = stat()
                let kind: FileKind = lstat((dir + [47] + name).cPath, &st) == 0 ? FileKind(mode: st.st_mode) : .unknown
                // A file name is bytes, not necessarily UTF-8.
                out.append(Attr(name: ev.symbols.intern(NixString(bytes: name)), value: .string(kind.rawValue)))
            }
            return .attrs(Attrs(unsorted: out))
        },
        PrimOp("pathExists", arity: 1, doc: "Whether a path exists (a dangling symbolic link exists).") { ev, args, span in
            let p = try ev.coercePathArg(args[0], at: span)
            try ev.checkReadable(p, what: "check the existence of")
            var st = stat()
            return .bool(Files.withCPath(p.string) { lstat($0, &st) } == 0)
        },
        PrimOp("toPath", arity: 1, doc: "An absolute path string with `.`, `..` and repeated slashes removed.") { ev, args, span in
            let p = try ev.coercePathArg(args[0], at: span)
            return .string(NixString(exactRendering: canonicalPath(p.string), context: p.context))
        },
        PrimOp("storePath", arity: 1, doc: "A path in the store as a string that refers to it.") { ev, args, span in
            let p = try ev.coercePathArg(args[0], at: span)
            let store = StorePaths(storeDir: ev.options.storeDir)
            var path = p.string
            if !store.isValidStorePath(path) { path = try resolvedPath(path, at: span) }
            guard let entry = store.storePathPrefix(of: path), store.isValidStorePath(entry) else {
                throw EvalError("path '\(path)' is not in the Nix store", at: span)
            }
            return .string(NixString(path, context: p.context.union(StringContext(entry))))
        },
        PrimOp("toFile", arity: 2, doc: "Write a string to a file in the store and return its path.") { ev, args, span in
            let name = try ev.forceStringNoContextArg(args[0], at: span)
            let contents = try ev.forceString(args[1], at: span)
            var refs: [String] = []
            for element in (contents.context.elements ?? []).sorted(by: { $0.nixLess($1) }) {
                guard element.hasPrefix("/") else {
                    throw EvalError("in 'toFile': the file named '\(name)' must not contain a reference to a derivation but contains (\(element))", at: span)
                }
                refs.append(element)
            }
            do throws(StorePathError) {
                let path = try StoreWriter(storeDir: ev.options.storeDir)
                    .addText(name: name, contents: contents.bytes, references: refs)
                return .string(NixString(path, context: StringContext(path)))
            } catch {
                // Nix reports store failures (invalid names) without a position.
                throw EvalError(error.message, at: .none)
            }
        },
        PrimOp("path", arity: 1, doc: "Add a path to the store, optionally renamed, filtered, flat or checked against a sha256.") { ev, args, span in
            try addPathFromSet(ev, args[0], span)
        },
        PrimOp("filterSource", arity: 2, doc: "Add a directory to the store, keeping only what a function of (path, type) accepts.") { ev, args, span in
            let p = try ev.coercePathArg(args[1], at: span)
            let f = try ev.force(args[0], at: span)
            switch f {
            case .lambda, .primop, .primopApp: break
            default:
                throw EvalError("first argument in call to 'filterSource' is not a function but \(f.typeDescription)", at: span)
            }
            return try addPath(ev, p, name: baseName(p.string), filter: f, recursive: true, expected: nil, span)
        },
    ] }

    private static func addPathFromSet(_ ev: Evaluator, _ arg: Value, _ span: Span) throws -> Value {
        let a = try ev.forceAttrs(arg, at: span)
        var path: NixString? = nil
        var name = ""
        var filter: Value? = nil
        var recursive = true
        var expected: ContentHash? = nil
        for attr in a.entries {
            let at = attr.span.isNone ? span : attr.span
            switch ev.symbols.name(attr.name) {
            case "path": path = try ev.coercePathArg(attr.value, at: at)
            case "name": name = try ev.forceStringNoContextArg(attr.value, at: at)
            case "filter": filter = try ev.force(attr.value, at: span)
            case "recursive": recursive = try ev.forceBool(attr.value, at: at)
            case "sha256":
                let text = try ev.forceStringNoContextArg(attr.value, at: at)
                // Nix accepts an empty hash as all zeroes (and warns), so it fails later with a mismatch.
                do {
                    expected = text.isEmpty ? ContentHash(algorithm: .sha256, bytes: [UInt8](repeating: 0, count: 32))
                        : try ContentHash.parse(text, expected: .sha256)
                } catch { throw EvalError(error.message, at: .none) }
            case let other:
                throw EvalError("unsupported argument '\(AttrName.shown(other))' to 'addPath'", at: at)
            }
        }
        guard let path, !path.string.isEmpty else { throw EvalError("'path' required", at: span) }
        if name.isEmpty { name = baseName(path.string) }
        return try addPath(ev, path, name: name, filter: filter, recursive: recursive, expected: expected, span)
    }

    private static func addPath(_ ev: Evaluator, _ source: NixString, name: String, filter: Value?,
                                recursive: Bool, expected: ContentHash?, _ span: Span) throws -> Value {
        let trace = [TraceFrame("while adding path '\(source.string)'", at: span)]
        do {
            try ev.checkReadable(source, what: "add")
            let writer = StoreWriter(storeDir: ev.options.storeDir)
            var expectedPath: String? = nil
            if let expected {
                expectedPath = try writer.paths.fixedOutputPath(recursive: recursive, hash: expected, name: name)
                if let e = expectedPath, FileManager.default.fileExists(atPath: e) {
                    return .string(NixString(e, context: StringContext(e)))
                }
            }
            let predicate: Archive.Filter? = filter.map { f in
                { path, kind in
                    let r = try ev.apply(f, .string(path), .string(kind.rawValue), at: span)
                    return try ev.forceBool(r, at: span)
                }
            }
            let added = try writer.addPath(source.string, name: name, recursive: recursive, filter: predicate)
            if let expectedPath, expectedPath != added.path {
                throw EvalError("store path mismatch in (possibly filtered) path added from '\(source.string)'", at: .none)
            }
            return .string(NixString(added.path, context: StringContext(added.path)))
        } catch var e as EvalError {
            e.trace.append(contentsOf: trace)
            throw e
        } catch let e as StorePathError {
            throw EvalError(e.message, at: .none, trace: trace)
        } catch let e as ArchiveError {
            throw EvalError(e.message, at: .none, trace: trace)
        }
    }

    static func readFileForNix(_ path: String, at span: Span) throws -> [UInt8] {
        let fd = Files.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 { throw EvalError("opening file '\(path)': \(String(cString: strerror(errno)))", at: .none) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw EvalError("reading from file: \(String(cString: strerror(errno)))", at: .none)
            }
            if n == 0 { return out }
            out.append(contentsOf: buf[0..<n])
        }
    }

    /// The last component of a path, as Nix's baseNameOf (a trailing slash ignored).
    static func baseName(_ path: String) -> String {
        var p = Substring(path)
        if p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }
}

extension Evaluator {
    /// Nix's coerceToPath: a string or path (not copied to the store) that must be absolute.
    func coercePathArg(_ value: Value, at span: Span) throws -> NixString {
        let s: NixString
        switch try force(value, at: span) {
        case .string(let str): s = str
        case .path(let p): s = p.nixString
        case let other: s = try coerceToString(other, at: span, coerceMore: false, copyToStore: false)
        }
        guard s.string.hasPrefix("/") else {
            throw EvalError("string '\(s.string)' doesn't represent an absolute path", at: span)
        }
        return s
    }

    /// Checks that the store paths a string refers to are there to be used;
    /// derivation outputs never are, since Roost builds nothing while evaluating.
    func checkReadable(_ path: NixString, what: String) throws {
        for element in (path.context.elements ?? []).sorted(by: { $0.nixLess($1) }) {
            let decoded = ContextElement(element)
            if case .output(let output, let drv) = decoded {
                throw EvalError("cannot \(what) '\(path.string)': it refers to output '\(output)' of the derivation '\(drv)', and roost does not build derivations while evaluating; use a path that exists instead", at: .none)
            }
            var st = stat()
            if lstat(decoded.storePath, &st) != 0 {
                throw EvalError("path '\(decoded.storePath)' is not valid", at: .none)
            }
        }
    }
}

extension Builtins {
    /// Removes `.`, `..`, repeated and trailing slashes, without looking at the disk.
    static func canonicalPath(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with every symbolic link in it resolved, as Nix's canonPath(path, true).
    static func resolvedPath(_ path: String, at span: Span) throws -> String {
        var pending = Array(path.split(separator: "/", omittingEmptySubsequences: true).reversed().map(String.init))
        var parts: [String] = []
        var followed = 0
        while let c = pending.popLast() {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            let candidate = "/" + (parts + [c]).joined(separator: "/")
            var st = stat()
            if lstat(candidate, &st) != 0 {
                throw EvalError("getting status of '\(candidate)': \(String(cString: strerror(errno)))", at: .none)
            }
            guard st.st_mode & S_IFMT == S_IFLNK else { parts.append(c); continue }
            followed += 1
            if followed > 1024 { throw EvalError("infinite symlink recursion in path '\(path)'", at: span) }
            let target: [UInt8]
            do { target = try Archive.readLink(Array(candidate.utf8)) } catch let e as ArchiveError {
                throw EvalError(e.message, at: .none)
            }
            let text = String(decoding: target, as: UTF8.self)
            if text.hasPrefix("/") { parts = [] }
            pending.append(contentsOf: text.split(separator: "/", omittingEmptySubsequences: true).reversed().map(String.init))
        }
        return "/" + parts.joined(separator: "/")
    }
}
