// The whole of `nix-instantiate --eval` as one call: what `roost eval` runs and
// what the golden and differential tests run in-process. Evaluation happens
// on a big-stack thread (EvalThread); what it prints is returned as bytes
// (stdout: a Nix string need not be UTF-8) and text (stderr). Selection by `-A` and auto-calling with `--arg`/`--argstr`
// follow nix-instantiate (Instantiate+Select.swift).

import NixSyntax

public struct EvalRequest: Sendable {
    public enum Source: Sendable {
        /// A file (or a directory with default.nix); relative to the working directory.
        case file(String)
        /// `-E`: relative paths in it resolve against `baseDirectory`.
        case expression(String, baseDirectory: String)
        /// `-E` given as bytes that are not UTF-8 (its string literals keep them).
        case expressionBytes([UInt8], baseDirectory: String)
    }
    public enum Argument: Sendable {
        /// `--arg name expr`
        case expression(String)
        /// `--argstr name value`
        case string(String)
        /// `--arg name expr` given as bytes that are not UTF-8.
        case expressionBytes([UInt8])
        /// `--argstr name value` given as bytes that are not UTF-8: the string is those bytes.
        case stringBytes([UInt8])
    }
    public var source: Source
    public var strict = false
    public var json = false
    public var xml = false
    /// `-A` paths, in order (each prints one result).
    public var attrPaths: [String] = []
    /// `--arg` / `--argstr`, in order.
    public var arguments: [(name: String, value: Argument)] = []
    public var options = EvalOptions()

    public init(source: Source) { self.source = source }
}

public struct EvalResult: Sendable {
    /// What nix-instantiate would print on stdout (each result followed by
    /// "\n"), byte for byte: strings that are not UTF-8 are printed as they are.
    public var stdoutBytes: [UInt8]
    /// `stdoutBytes` as text (bytes that are not UTF-8 shown as U+FFFD).
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    /// Diagnostics, traces and `builtins.trace` output, byte for byte (a
    /// traced string need not be UTF-8).
    public var stderrBytes: [UInt8]
    /// `stderrBytes` as text (bytes that are not UTF-8 shown as U+FFFD).
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// 0 on success, 1 on any error.
    public var exitCode: Int32
    public init(stdout: String, stderr: String, exitCode: Int32) {
        self.init(stdoutBytes: Array(stdout.utf8), stderrBytes: Array(stderr.utf8), exitCode: exitCode)
    }
    public init(stdoutBytes: [UInt8], stderrBytes: [UInt8], exitCode: Int32) {
        self.stdoutBytes = stdoutBytes
        self.stderrBytes = stderrBytes
        self.exitCode = exitCode
    }
}

public enum Instantiate {
    /// Evaluates a request on a thread with a large stack and returns its output.
    public static func run(_ request: EvalRequest) -> EvalResult {
        EvalThread.run { runHere(request) }
    }

    /// Evaluates on the current thread (callers guarantee a large stack).
    static func runHere(_ request: EvalRequest) -> EvalResult {
        // Values are freed with their arena at the end, unless the process
        // is about to exit anyway (the result is bytes, not values).
        if request.options.releaseMemoryAtEnd { return Arena.scoped(limit: request.options.memoryLimit) { evaluate(request) } }
        return evaluate(request)
    }

    private static func evaluate(_ request: EvalRequest) -> EvalResult {
        let ev = Evaluator(options: request.options)
        defer {
            if !request.options.releaseMemoryAtEnd {
                // Deliberately kept: the process is about to exit, and freeing
                // the compiled code and caches would only cost time.
                _ = Unmanaged.passRetained(ev)
            }
        }
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        ev.traceOutput = { stderr += $0 }
        let renderer = ErrorRenderer(sources: ev.sources)
        do {
            let (root, rootSpan) = try loadRoot(request.source, ev)
            let autoArgs = try autoArguments(request, ev)
            let paths = request.attrPaths.isEmpty ? [""] : request.attrPaths
            for path in paths {
                let selected = try ev.select(path: path, in: root, autoArgs: autoArgs)
                let value = autoArgs.isEmpty ? selected : try ev.autoCall(selected, autoArgs)
                if request.json && !request.xml {
                    // Streamed: on an error, what was written stays on stdout, as with Nix.
                    var json = StreamingJSON(ev: ev, strict: request.strict)
                    defer { stdout += json.bytes }
                    // An error with no place of its own (a value a builtin
                    // made, which has no position) is reported at the
                    // expression being printed, as `render` does.
                    do { try json.write(value) } catch { throw Evaluator.placed(error, at: rootSpan) }
                } else {
                    stdout += try render(value, request, ev, rootSpan: rootSpan)
                }
            }
            return EvalResult(stdoutBytes: stdout, stderrBytes: stderr, exitCode: 0)
        } catch let e as EvalError {
            stderr += renderer.renderBytes(e, showTrace: request.options.showTrace)
        } catch let e as CatchableError {
            stderr += renderer.renderBytes(e, showTrace: request.options.showTrace)
        } catch {
            stderr += "error: \(error)\n".utf8
        }
        return EvalResult(stdoutBytes: stdout, stderrBytes: stderr, exitCode: 1)
    }

    /// The value of the source, and where its expression is written (the
    /// place an error met while printing is reported at).
    static func loadRoot(_ source: EvalRequest.Source, _ ev: Evaluator) throws -> (Value, Span) {
        switch source {
        case .expression(let text, let base):
            return try loadExpression(Array(text.utf8), base, ev)
        case .expressionBytes(let bytes, let base):
            return try loadExpression(bytes, base, ev)
        case .file(let path):
            let value = try ev.importFile(Paths.absolute(path), at: .none)
            let resolved = try ev.resolveImportPath(Paths.canonical(Paths.absolute(path)), at: .none)
            return (value, ev.parseCache[ExactString(resolved)]?.0.span ?? .none)
        }
    }

    static func loadExpression(_ text: [UInt8], _ base: String, _ ev: Evaluator) throws -> (Value, Span) {
        let (expr, file) = try ev.parse(text, name: "«string»", isFile: false)
        return (try ev.run(expr, file: file, baseDirectory: Paths.absolute(base)), expr.span)
    }

    /// `--arg`/`--argstr` as a set of lazily evaluated values.
    static func autoArguments(_ request: EvalRequest, _ ev: Evaluator) throws -> Attrs {
        var attrs: [Attr] = []
        for (name, arg) in request.arguments {
            let value: Value
            switch arg {
            case .string(let s): value = .string(s)
            case .stringBytes(let bytes): value = .string(NixString(bytes: bytes))
            case .expression(let text): value = try argumentExpression(Array(text.utf8), ev)
            case .expressionBytes(let bytes): value = try argumentExpression(bytes, ev)
            }
            attrs.append(Attr(name: ev.symbols.intern(name), value: value))
        }
        return Attrs(unsorted: attrs)
    }

    /// An `--arg` expression, compiled in the global scope and left unevaluated.
    static func argumentExpression(_ text: [UInt8], _ ev: Evaluator) throws -> Value {
        let (expr, file) = try ev.parse(text, name: "«string»", isFile: false)
        let code = try Compiler(ev: ev, file: file, baseDirectory: Paths.currentDirectory()).compile(expr, ev.globalScope)
        ev.compiledRoots.append(code)
        return code.lazy(ev.baseEnv, ev)
    }

    static func render(_ value: Value, _ request: EvalRequest, _ ev: Evaluator, rootSpan: Span) throws -> [UInt8] {
        if request.xml {
            return try ev.printXMLBytes(value, at: .none, strict: request.strict)
        }
        do {
            if request.strict { try ev.deepForce(value, at: .none) }
            var out = try ev.printValueBytes(value)
            out.append(UInt8(ascii: "\n"))
            return out
        } catch {
            // An error with no place of its own (the printer nesting too
            // deeply) is reported at the expression being printed.
            throw Evaluator.placed(error, at: rootSpan)
        }
    }
}
