// Source text in, values out: parsing (the first diagnostic becomes the
// error, as Nix reports only one), `-E` expressions, `import` (a file or a
// directory's default.nix, evaluated once per canonical path), `scopedImport`
// (a fresh scope of given names between the file and the globals), and the
// search path behind `<name>`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixSyntax

extension Evaluator {
    /// Registers `text` under `name` and parses it; a parse error becomes an EvalError.
    func parse(_ text: [UInt8], name: String, isFile: Bool) throws -> (Expr, FileID) {
        let file = sources.add(name: name, text: text, isFile: isFile)
        let result = Parser.parse(sources, file: file)
        if let first = result.diagnostics.first {
            throw EvalError(first.message, at: first.span)
        }
        return (result.expr, file)
    }

    /// Compiles a parsed file in the global scope (or `scope`) and evaluates it.
    func run(_ expr: Expr, file: FileID, baseDirectory: String, scope: Scope? = nil, env: Env? = nil) throws -> Value {
        let compiler = Compiler(ev: self, file: file, baseDirectory: baseDirectory)
        let code = try compiler.compile(expr, scope ?? globalScope)
        compiledRoots.append(code)
        return try code.eval(env ?? baseEnv, self)
    }

    /// Evaluates `-E` text; relative paths in it resolve against `baseDirectory`.
    public func evaluate(expression text: String, baseDirectory: String) throws -> Value {
        let (expr, file) = try parse(Array(text.utf8), name: "«string»", isFile: false)
        return try run(expr, file: file, baseDirectory: baseDirectory)
    }

    /// The file `import path` reads: `path`, or `path/default.nix` for a directory.
    func resolveImportPath(_ path: String, at span: Span) throws -> String {
        var st = stat()
        guard Files.withCPath(path, { stat($0, &st) }) == 0 else {
            throw EvalError("getting status of '\(path)': \(String(cString: strerror(errno)))", at: span)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { return Paths.canonical(path + "/default.nix") }
        return path
    }

    /// `import path`: evaluated once per file; a file that imports itself while
    /// being evaluated is infinite recursion.
    public func importFile(_ path: String, at span: Span) throws -> Value {
        let resolved = try resolveImportPath(Paths.canonical(path), at: span)
        if let cached = importCache[ExactString(resolved)] { return try force(cached, at: span) }
        let thunk = Thunk(.native { ev in try ev.evaluateFile(resolved, scope: nil, env: nil) })
        importCache[ExactString(resolved)] = .thunk(thunk)
        return try forceThunk(thunk, at: span)
    }

    /// Parses (once) and evaluates a file in the given scope.
    func evaluateFile(_ path: String, scope: Scope?, env: Env?) throws -> Value {
        let expr: Expr, file: FileID
        if let cached = parseCache[ExactString(path)] {
            (expr, file) = cached
        } else {
            let text: [UInt8]
            do {
                text = try Files.read(path)
            } catch let e as FileError {
                throw EvalError("opening file '\(path)': \(e.reason)", at: .none)
            }
            (expr, file) = try parse(text, name: path, isFile: true)
            parseCache[ExactString(path)] = (expr, file)
        }
        return try run(expr, file: file, baseDirectory: Paths.directory(of: path), scope: scope, env: env)
    }

    /// `scopedImport attrs path`: the names of `attrs` are in scope (before the globals); not cached.
    public func scopedImport(_ attrs: Attrs, _ path: String, at span: Span) throws -> Value {
        let resolved = try resolveImportPath(Paths.canonical(path), at: span)
        var names: [Symbol: Int] = [:]
        let env = Env.make(parent: baseEnv, count: attrs.count)
        for (i, a) in attrs.entries.enumerated() {
            names[a.name] = i
            env.fill(i, with: a.value)
        }
        let scope = Scope(kind: .lexical, parent: globalScope, names: names)
        try enter(span)
        defer { depth &-= 1 }
        return try evaluateFile(resolved, scope: scope, env: env)
    }

    // MARK: Search path

    /// The search path as (prefix, path) pairs: `-I` entries then NIX_PATH, as given.
    public var searchPathEntries: [(prefix: String, path: String)] {
        options.searchPath.map { entry in
            if let eq = entry.firstIndex(of: "=") {
                return (String(entry[..<eq]), String(entry[entry.index(after: eq)...]))
            }
            return ("", entry)
        }
    }

    /// Resolves `<name>` against (prefix, path) pairs the way Nix does.
    public func findFile(_ entries: [(prefix: String, path: String)], _ name: String, at span: Span) throws -> String {
        for (prefix, path) in entries {
            var suffix: String
            if prefix.isEmpty {
                suffix = "/" + name
            } else {
                guard name.hasPrefix(prefix) else { continue }
                let rest = name.utf8.dropFirst(prefix.utf8.count)
                if let first = rest.first, first != UInt8(ascii: "/") { continue }
                suffix = rest.isEmpty ? "" : "/" + String(decoding: rest.dropFirst(), as: UTF8.self)
            }
            if path.contains("://") { continue }
            let candidate = Paths.absolute(path) + suffix
            if Paths.exists(candidate) { return Paths.canonical(candidate) }
        }
        throw CatchableError("file '\(name)' was not found in the Nix search path (add it using $NIX_PATH or -I)", at: span)
    }
}
