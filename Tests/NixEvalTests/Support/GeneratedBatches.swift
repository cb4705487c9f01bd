// Evaluates many generated expressions with few nix-instantiate processes:
// a batch is written as one list file and printed element by element with
// `-A 0 -A 1 …` (each result on its own line, as nix prints it). When an
// element fails, nix stops there; the lines before it are kept, the failing
// element is recorded as a failure, and a new process resumes after it. An
// error nix finds before evaluating anything (a parse or scope error in one
// element poisons the whole file) makes the rest of that batch run one
// expression per process, so one bad element cannot be blamed on the others.

import Foundation

struct NixAnswer: Sendable {
    var success: Bool
    /// The printed value (no trailing newline), or nix's error text.
    var output: String
}

enum GeneratedBatches {
    static let batchSize = 200

    /// One answer per expression, in order (nil only if nix could not be run at
    /// all). `groups` gives consecutive ranges that may share a batch; a group
    /// of size `1` per element runs each expression in its own process.
    static func evaluateWithNix(_ exprs: [String], batches requested: [Range<Int>]? = nil) -> [NixAnswer?] {
        let dir = Scratch.directory
            .appendingPathComponent("roost-diff-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let groups = requested ?? [0..<exprs.count]
        let batches: [[Int]] = groups.flatMap { g in
            stride(from: g.lowerBound, to: g.upperBound, by: batchSize).map { start in
                Array(start..<min(start + batchSize, g.upperBound))
            }
        }
        let results = Parallel.map(batches.count) { b -> [NixAnswer?] in
            let indices = batches[b]
            let file = dir + "/batch-\(b).nix"
            return run(indices.map { exprs[$0] }, file: file, in: dir)
        }
        return results.flatMap { $0 }
    }

    static func run(_ exprs: [String], file: String, in dir: String) -> [NixAnswer?] {
        let text = "[\n" + exprs.map { "  (\($0))\n" }.joined() + "]\n"
        guard (try? text.write(toFile: file, atomically: false, encoding: .utf8)) != nil else {
            return exprs.map { _ in nil }
        }
        return run(file: file, count: exprs.count, in: dir) { first in
            // A static error somewhere: answer the rest one by one.
            exprs[first...].enumerated().map { (k, e) -> NixAnswer? in
                let single = file + ".\(first + k).nix"
                guard (try? "[ (\(e)) ]\n".write(toFile: single, atomically: false, encoding: .utf8)) != nil else { return nil }
                return run(file: single, count: 1, in: dir, isolate: { _ in [nil] }).first ?? nil
            }
        }
    }

    /// Prints elements 0..<count of the list in `file`, resuming after failures.
    static func run(file: String, count: Int, in dir: String,
                    isolate: (Int) -> [NixAnswer?]) -> [NixAnswer?] {
        var answers: [NixAnswer?] = []
        var next = 0
        while next < count {
            let attrs = (next..<count).flatMap { ["-A", String($0)] }
            let out = NixInstantiate.eval(["--strict"] + attrs + [file], in: dir, timeout: 120)
            if out.timedOut || out.exitCode == 127 { return answers + Array(repeating: nil, count: count - answers.count) }
            var lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            let printed = min(lines.count, count - next)
            if out.exitCode != 0 && printed == 0 && count - next > 1 {
                return answers + isolate(next)
            }
            for line in lines.prefix(printed) { answers.append(NixAnswer(success: true, output: line)) }
            next += printed
            if out.exitCode == 0 { break }
            if next < count {
                answers.append(NixAnswer(success: false, output: out.stderr))
                next += 1
            }
        }
        return answers
    }
}
