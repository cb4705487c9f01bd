// The flags of a golden case (its optional `.flags` file), turned into both an
// in-process `EvalRequest` for roost and an argv for nix-instantiate, so that
// both evaluators see exactly the same request. The `.flags` file replaces the
// default `--strict`; it holds nix-instantiate flags separated by blanks, with
// single quotes for values containing blanks.

import Foundation
import NixEval

struct CaseFlags: Sendable {
    var strict = false
    var json = false
    var xml = false
    var showTrace = false
    var attrPaths: [String] = []
    var arguments: [(name: String, value: EvalRequest.Argument)] = []
    /// `-I` entries with relative directories made absolute.
    var searchPath: [String] = []

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String, relativeTo base: String) throws -> CaseFlags {
        var flags = CaseFlags()
        var words = tokenize(text)[...]
        func next(_ flag: String) throws -> String {
            guard let w = words.popFirst() else { throw ParseError(description: "\(flag) needs a value") }
            return w
        }
        while let word = words.popFirst() {
            switch word {
            case "--strict": flags.strict = true
            case "--json": flags.json = true
            case "--xml": flags.xml = true
            case "--show-trace": flags.showTrace = true
            case "-A", "--attr": flags.attrPaths.append(try next(word))
            case "--arg":
                let name = try next(word)
                flags.arguments.append((name, .expression(try next(word))))
            case "--argstr":
                let name = try next(word)
                flags.arguments.append((name, .string(try next(word))))
            case "-I":
                flags.searchPath.append(absolutise(try next(word), base: base))
            default:
                throw ParseError(description: "unknown flag '\(word)' in a .flags file")
            }
        }
        return flags
    }

    /// `name=dir` or `dir`; a relative dir is taken relative to the corpus.
    private static func absolutise(_ entry: String, base: String) -> String {
        var prefix = ""
        var dir = entry
        if let eq = entry.firstIndex(of: "=") {
            prefix = String(entry[...eq])
            dir = String(entry[entry.index(after: eq)...])
        }
        if !dir.hasPrefix("/") && !dir.contains("://") { dir = base + "/" + dir }
        return prefix + dir
    }

    private static func tokenize(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        for ch in text {
            if quoted {
                if ch == "'" { quoted = false } else { current.append(ch) }
            } else if ch == "'" {
                quoted = true
                inWord = true
            } else if ch == " " || ch == "\n" || ch == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The request roost evaluates for `source`.
    func request(_ source: EvalRequest.Source) -> EvalRequest {
        var r = EvalRequest(source: source)
        r.strict = strict
        r.json = json
        r.xml = xml
        r.attrPaths = attrPaths
        r.arguments = arguments
        r.options.searchPath = searchPath
        r.options.showTrace = showTrace
        return r
    }

    /// The nix-instantiate arguments (after `--eval`), without the file or `-E`.
    var nixArguments: [String] {
        var args: [String] = []
        if strict { args.append("--strict") }
        if json { args.append("--json") }
        if xml { args.append("--xml") }
        if showTrace { args.append("--show-trace") }
        for p in attrPaths { args += ["-A", p] }
        for (name, value) in arguments {
            switch value {
            case .expression(let e): args += ["--arg", name, e]
            case .string(let s): args += ["--argstr", name, s]
            // Flags files are text: these never come from one.
            case .expressionBytes(let b): args += ["--arg", name, String(decoding: b, as: UTF8.self)]
            case .stringBytes(let b): args += ["--argstr", name, String(decoding: b, as: UTF8.self)]
            }
        }
        for p in searchPath { args += ["-I", p] }
        return args
    }
}
