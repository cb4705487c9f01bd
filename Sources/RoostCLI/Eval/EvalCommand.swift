// `roost eval`: evaluate a Nix file or expression and print the result the
// way `nix-instantiate --eval` does (same flags, same output, same exit
// status). All the work is `Instantiate.run`; this file only maps flags.

import ArgumentParser
import Foundation
import NixEval
import RoostSystem

extension Roost {
    struct EvalCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Evaluate a Nix expression, like nix-instantiate --eval.",
            discussion: """
                Evaluates FILE (default: ./default.nix; a directory means its default.nix) \
                or the expression given with -E, and prints the result exactly as \
                nix-instantiate --eval would. Search path entries come from -I, then NIX_PATH; \
                paths interpolated into strings are copied into ROOST_STORE_DIR \
                (default /var/lib/roost/store).
                """)

        @Argument(help: ArgumentHelp("Files to evaluate (with -E: more expressions).", valueName: "file"))
        var files: [String] = []

        @Option(name: [.customShort("E"), .customLong("expr")], help: ArgumentHelp("Evaluate this expression instead of a file.", valueName: "expr"))
        var expression: String?

        @Flag(help: "Evaluate the result deeply (all attributes and list elements).")
        var strict = false

        @Flag(help: "Print the result as JSON.")
        var json = false

        @Flag(help: "Print the result as XML.")
        var xml = false

        @Option(name: [.customShort("A"), .customLong("attr")], help: ArgumentHelp("Print the attribute at this path (repeatable; list indices allowed).", valueName: "attrpath"))
        var attrPaths: [String] = []

        @Option(name: .customLong("arg"), parsing: .upToNextOption,
                help: ArgumentHelp("Pass argument NAME as the value of Nix expression EXPR to a top-level function.", valueName: "name expr"))
        var args: [String] = []

        @Option(name: .customLong("argstr"), parsing: .upToNextOption,
                help: ArgumentHelp("Pass argument NAME as the string VALUE to a top-level function.", valueName: "name value"))
        var argstrs: [String] = []

        @Option(name: [.customShort("I"), .customLong("include")], help: ArgumentHelp("Add a search path entry (DIR or NAME=DIR) for <NAME> lookups.", valueName: "path"))
        var includes: [String] = []

        @Flag(name: .customLong("show-trace"), help: "Show every frame of an error's trace.")
        var showTrace = false

        @Flag(name: .customLong("eval"), help: "Accepted for compatibility with nix-instantiate; roost eval always evaluates.")
        var evalOnly = false

        mutating func validate() throws {
            if json && xml {
                throw ValidationError("--json and --xml cannot be combined; choose one output format.")
            }
            // `--arg a 1 file.nix` hands the file to --arg; take it back.
            for keyPath in [\EvalCommand.args, \EvalCommand.argstrs] where self[keyPath: keyPath].count % 2 == 1 {
                files.append(self[keyPath: keyPath].removeLast())
            }

        }

        /// The requests this invocation makes, one per source. `rawArguments`
        /// (the command line unrepaired) gives back the bytes of an
        /// expression or string argument that is not UTF-8.
        func requests(environment: [String: String] = ProcessInfo.processInfo.environment,
                      workingDirectory: String = FileManager.default.currentDirectoryPath,
                      rawArguments: [[UInt8]] = RawArguments.process) -> [EvalRequest] {
            var options = EvalOptions()
            options.searchPath = includes
            if let nixPath = environment["NIX_PATH"] { options.searchPath += Paths.splitNixPath(nixPath) }
            if let store = environment["ROOST_STORE_DIR"], !store.isEmpty { options.storeDir = store }
            // `<roost>` and `<roost/lib>`: roost's own Nix code, last so -I and NIX_PATH can override it.
            if let roost = BundledNix.searchPathEntry(storeDir: options.storeDir) { options.searchPath.append(roost) }
            options.showTrace = showTrace
            // The process exits right after: do not spend time freeing the heap.
            options.releaseMemoryAtEnd = false
            var arguments: [(name: String, value: EvalRequest.Argument)] = []
            func exact(_ value: String) -> [UInt8]? { RawArguments.exactBytes(of: value, in: rawArguments) }
            for i in stride(from: 0, to: args.count - 1, by: 2) {
                let value = args[i + 1]
                arguments.append((args[i], exact(value).map { .expressionBytes($0) } ?? .expression(value)))
            }
            for i in stride(from: 0, to: argstrs.count - 1, by: 2) {
                let value = argstrs[i + 1]
                arguments.append((argstrs[i], exact(value).map { .stringBytes($0) } ?? .string(value)))
            }
            let sources: [EvalRequest.Source]
            if let expression {
                // As with nix-instantiate, after -E every argument is an expression.
                sources = ([expression] + files).map { text in
                    if let bytes = exact(text) { return .expressionBytes(bytes, baseDirectory: workingDirectory) }
                    return .expression(text, baseDirectory: workingDirectory)
                }
            } else {
                sources = (files.isEmpty ? ["./default.nix"] : files).map { .file($0) }
            }
            return sources.map { source in
                var r = EvalRequest(source: source)
                r.strict = strict
                r.json = json
                r.xml = xml
                r.attrPaths = attrPaths
                r.arguments = arguments
                r.options = options
                return r
            }
        }

        func run() throws {
            for request in requests() {
                let result = Instantiate.run(request)
                FileHandle.standardError.write(Data(result.stderrBytes))
                FileHandle.standardOutput.write(Data(result.stdoutBytes))
                if result.exitCode != 0 { throw ExitCode(result.exitCode) }
            }
        }
    }
}
