// The golden corpus on disk: where Tests/NixEvalTests/lang is (found from this
// file's own path, so tests run from any checkout), which cases it holds, their
// flags and expectations, and the list of known failures that gates CI while
// the evaluator is incomplete. It does not run anything.

import Foundation

/// The three kinds of golden case, told apart by the file name's prefix.
enum CaseKind: String, Sendable, CaseIterable {
    case evalOkay = "eval-okay-"
    case evalFail = "eval-fail-"
    case parseFail = "parse-fail-"
}

/// One golden `.nix` file and the files beside it.
struct GoldenCase: Sendable, CustomStringConvertible {
    let kind: CaseKind
    /// File name, e.g. `eval-okay-int-add.nix`.
    let fileName: String
    /// Absolute path of the `.nix` file.
    let path: String

    var description: String { fileName }
    /// Path without the `.nix` suffix; the expectation files hang off it.
    var stem: String { String(path.dropLast(4)) }
    /// eval-okay: stdout expected from nix-instantiate.
    var expPath: String { stem + ".exp" }
    /// eval-fail/parse-fail: roost's whole rendered error. eval-okay: expected stderr (traces), optional.
    var errExpPath: String { stem + ".err.exp" }
    var flagsPath: String { stem + ".flags" }

    /// The command-line flags of the case (default `--strict`).
    func flags() throws -> CaseFlags {
        guard let text = try? String(contentsOfFile: flagsPath, encoding: .utf8) else {
            return CaseFlags(strict: true)
        }
        return try CaseFlags.parse(text, relativeTo: LangCorpus.directory)
    }
}

enum LangCorpus {
    /// Absolute path of Tests/NixEvalTests/lang, without a trailing slash.
    static let directory: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // Support
            .deletingLastPathComponent()   // NixEvalTests
            .appendingPathComponent("lang").standardizedFileURL.path
    }()

    /// What an absolute path to the corpus is replaced with in outputs, so that
    /// expectations do not depend on where the repository is checked out.
    static let placeholder = "«lang»"

    /// Every golden case, sorted by file name.
    static func cases(_ kinds: [CaseKind] = CaseKind.allCases) -> [GoldenCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var result: [GoldenCase] = []
        for name in names.sorted() where name.hasSuffix(".nix") {
            guard let kind = kinds.first(where: { name.hasPrefix($0.rawValue) }) else { continue }
            result.append(GoldenCase(kind: kind, fileName: name, path: directory + "/" + name))
        }
        return result
    }

    /// Replaces the corpus's absolute path by `«lang»` and the test process's
    /// scratch store (its name holds the process id) by `«store»`.
    static func normalise(_ text: String) -> String {
        text.replacingOccurrences(of: directory, with: placeholder)
            .replacingOccurrences(of: RoostEval.scratchStore, with: "«store»")
    }

    /// File names listed in lang/NOT-IN-NIX (hand-written expectations nix cannot produce).
    static func notInNix() -> Set<String> {
        let text = read(directory + "/NOT-IN-NIX") ?? ""
        return Set(text.split(separator: "\n").compactMap { line in
            line.hasPrefix("#") ? nil : line.split(separator: " ").first.map(String.init)
        })
    }

    /// The file's text, bytes that are not UTF-8 shown as `text` shows them.
    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { text($0) }
    }

    /// Output as text that keeps every byte apart: Nix strings need not be
    /// UTF-8, so a byte that is not part of a valid UTF-8 sequence is shown
    /// as `\x{HH}` (rather than U+FFFD, which would make different outputs
    /// compare equal).
    static func text(_ bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var out = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for b in pending.prefix(length) {
                    out += "\\x{" + String(b, radix: 16, uppercase: true) + "}"
                }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return out
            }
        }
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Tests/NixEvalTests/lang/KNOWN-FAILURES: `name reason…` per line, `#` starts a
/// comment. A listed case still runs; its mismatch is reported but does not
/// fail the suite. Names are golden file names or `generated-CATEGORY`.
struct KnownFailures: Sendable {
    let reasons: [String: String]

    static func load() -> KnownFailures {
        let text = LangCorpus.read(LangCorpus.directory + "/KNOWN-FAILURES") ?? ""
        var reasons: [String: String] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            let name = String(parts[0])
            reasons[name] = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        }
        return KnownFailures(reasons: reasons)
    }

    func contains(_ name: String) -> Bool { reasons[name] != nil }

    /// Set `REFRESH_KNOWN=1` to rewrite KNOWN-FAILURES from a run's results.
    static let refreshRequested = ProcessInfo.processInfo.environment["REFRESH_KNOWN"] == "1"

    private static let fileLock = NSLock()

    /// Replaces the entries whose names start with `prefix` by `failures`
    /// (name → reason), keeping the header comments and every other entry.
    /// Suites run in parallel, so each rewrites only its own names, under a lock.
    static func refresh(prefix: String, failures: [(String, String)]) {
        fileLock.lock(); defer { fileLock.unlock() }
        let path = LangCorpus.directory + "/KNOWN-FAILURES"
        let old = LangCorpus.read(path) ?? ""
        var header: [String] = []
        var kept: [String] = []
        for raw in old.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("#") { header.append(line); continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if !line.hasPrefix(prefix) { kept.append(line) }
        }
        for (name, reason) in failures {
            let oneLine = reason.split(separator: "\n").first.map(String.init) ?? ""
            kept.append("\(name) \(oneLine.prefix(160))")
        }
        kept.sort()
        try? LangCorpus.write((header + kept).joined(separator: "\n") + "\n", to: path)
    }
}
