// Fuzzing without libFuzzer: thousands of deterministic mutations of the golden
// files, and 100,000-deep nestings of every construct, go through the parser
// and the evaluator in-process. A run passes when it returns: a value or an
// error message are both fine; a trap, a stack overflow or a hang are not.
// Work is bounded with `options.stepLimit`. If this test process crashes, the
// inputs being run are in /dev/shm (or $TMPDIR)/roost-fuzz-current*.nix, ready to reproduce.

import Foundation
import NixEval
import NixSyntax
import Testing

@Suite struct FuzzTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ROOST_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_F022
    static let mutationsPerFile = Int(ProcessInfo.processInfo.environment["ROOST_FUZZ_COUNT"] ?? "") ?? 6
    static let currentInput = Scratch.directory.appendingPathComponent("roost-fuzz-current.nix").path
    static let currentStress = Scratch.directory.appendingPathComponent("roost-fuzz-current-stress.nix").path

    /// Runs one input through the parser and the evaluator; returns a problem, or nil.
    /// `parseDirectly` also runs the parser as a library on the test's own
    /// thread (an ordinary stack), as other Swift code may call it.
    static func check(_ bytes: [UInt8], label: String, saveAs: String = currentInput,
                      parseDirectly: Bool = true, timeout: TimeInterval = 120) -> String? {
        saveCurrentInput(bytes, to: saveAs)
        if parseDirectly {
            let map = SourceMap()
            let file = map.add(name: "fuzz.nix", text: bytes, isFile: false)
            // A 100,000-long operator chain is a 100,000-deep tree: freeing it
            // recursively would overflow this thread's ordinary stack.
            var parsed = Parser.parse(map, file: file)
            Expr.dismantle(&parsed.expr)
        }

        let text = String(decoding: bytes, as: UTF8.self)
        var request = EvalRequest(source: .expression(text, baseDirectory: LangCorpus.directory))
        request.strict = true
        request.options.stepLimit = 200_000
        request.options.storeDir = RoostEval.scratchStore
        let out = RoostEval.run(request, timeout: timeout)
        if out.timedOut { return "\(label): evaluation did not return within \(Int(timeout)) s" }
        if out.exitCode != 0 && out.exitCode != 1 { return "\(label): exit code \(out.exitCode)" }
        // `builtins.trace` lines may come first; some line must be the error.
        if out.exitCode == 1 && !out.stderr.split(separator: "\n").contains(where: { $0.hasPrefix("error") }) {
            return "\(label): failed without an error message (stderr: \(clipped(out.stderr, 200)))"
        }
        return nil
    }

    /// Plain stdio: FileManager.createFile syncs to disk and would dominate the run time.
    static func saveCurrentInput(_ bytes: [UInt8], to path: String) {
        guard let f = fopen(path, "wb") else { return }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
    }

    @Test("thousands of mutated golden files never crash or hang the parser and evaluator")
    func mutatedCorpus() {
        let files = LangCorpus.cases().compactMap { c in FileManager.default.contents(atPath: c.path).map { (c.fileName, [UInt8]($0)) } }
        #expect(!files.isEmpty)
        if ProcessInfo.processInfo.environment["ROOST_FUZZ_ONLY"] != nil { return }
        var rng = SeededRandom(seed: Self.seed)
        var problems: [String] = []
        var runs = 0
        var slowest: [(Double, String)] = []
        for (name, bytes) in files {
            for k in 0..<Self.mutationsPerFile {
                let other = files[rng.below(files.count)].1
                let mutated = Mutator.mutate(bytes, other: other, rng: &rng)
                let started = Date()
                let problem = Self.check(mutated, label: "\(name) mutation \(k)")
                slowest.append((Date().timeIntervalSince(started), "\(name) mutation \(k): \(clipped(String(decoding: mutated.prefix(120), as: UTF8.self), 120))"))
                if slowest.count > 8 { slowest.sort { $0.0 > $1.0 }; slowest.removeLast() }
                if let p = problem {
                    problems.append(p + "\n  input: \(clipped(String(decoding: mutated, as: UTF8.self), 300))")
                }
                runs += 1
            }
        }
        print("fuzz: \(runs) mutated inputs, \(problems.count) problems (seed \(Self.seed))")
        for (t, what) in slowest { print(String(format: "fuzz: slow %.2f s ", t) + what.replacingOccurrences(of: "\n", with: " ")) }
        for p in problems.prefix(20) { Issue.record(Comment(rawValue: p)) }
    }

    /// 100,000-deep nestings of each construct and 100,000-long chains of each operator.
    static let stress: [(String, String)] = {
        let n = 100_000
        return [
            ("parentheses", Mutator.nested("(", "1", ")", depth: n)),
            ("lists", Mutator.nested("[ ", "1", " ]", depth: n)),
            ("sets", Mutator.nested("{ a = ", "1", "; }", depth: n)),
            ("rec sets", Mutator.nested("rec { a = ", "1", "; }", depth: n)),
            ("let", Mutator.nested("let a = ", "1", "; in a", depth: n)),
            ("lambdas", Mutator.nested("x: ", "1", "", depth: n)),
            ("formals", Mutator.nested("{ a ? ", "1", " }: a", depth: n)),
            ("if", Mutator.nested("if true then ", "1", " else 0", depth: n)),
            ("with", Mutator.nested("with { }; ", "1", "", depth: n)),
            ("assert", Mutator.nested("assert true; ", "1", "", depth: n)),
            ("not", Mutator.nested("!", "true", "", depth: n)),
            ("negation", Mutator.nested("-", "1", "", depth: n)),
            ("interpolation", Mutator.nested("\"${", "\"x\"", "}\"", depth: n)),
            ("indented interpolation", Mutator.nested("''${", "\"x\"", "}''", depth: n)),
            ("attr path", "{ " + Mutator.chain("a", ".", count: n) + " = 1; }"),
            ("select chain", "let s = { }; in s." + Mutator.chain("a", ".", count: n) + " or 1"),
            ("has-attr chain", "{ } ? " + Mutator.chain("a", ".", count: n)),
            ("addition chain", Mutator.chain("1", " + ", count: n)),
            ("subtraction chain", Mutator.chain("1", " - ", count: n)),
            ("and chain", Mutator.chain("true", " && ", count: n)),
            ("implication chain", Mutator.chain("true", " -> ", count: n)),
            ("update chain", Mutator.chain("{ a = 1; }", " // ", count: n)),
            ("concat chain", Mutator.chain("[ 1 ]", " ++ ", count: n)),
            ("string concat chain", Mutator.chain("\"a\"", " + ", count: n)),
            ("application chain", "let f = x: f; in f " + Mutator.chain("1", " ", count: n)),
            ("unclosed parentheses", String(repeating: "(", count: n)),
            ("unclosed lists", String(repeating: "[", count: n)),
            ("unclosed sets", String(repeating: "{", count: n)),
            ("closers only", String(repeating: ")]}", count: n)),
            ("deep recursion", "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 1000000"),
            ("deep data printed", "builtins.foldl' (acc: x: [ acc ]) [ ] (builtins.genList (x: x) \(n))"),
            ("deep data to JSON", "builtins.toJSON (builtins.foldl' (acc: x: { a = acc; }) { } (builtins.genList (x: x) \(n)))"),
            ("deep data to XML", "builtins.toXML (builtins.foldl' (acc: x: [ acc ]) [ ] (builtins.genList (x: x) \(n)))"),
            ("deep data compared", "let d = builtins.foldl' (acc: x: [ acc ]) [ ] (builtins.genList (x: x) \(n)); e = builtins.foldl' (acc: x: [ acc ]) [ ] (builtins.genList (x: x) \(n)); in d == e"),
            ("deep data deepSeq", "builtins.deepSeq (builtins.foldl' (acc: x: { a = acc; }) { } (builtins.genList (x: x) \(n))) 1"),
            ("deep thunk chain", "builtins.length (builtins.foldl' (acc: x: acc ++ [ x ]) [ ] (builtins.genList (x: x) 5000))"),
            ("self-referencing thunks", "let xs = builtins.genList (i: if i == 0 then 0 else builtins.elemAt xs (i - 1) + 1) \(n); in builtins.elemAt xs \(n - 1)"),
        ]
    }()

    @Test("100,000-deep nesting of every construct returns a value or an error, never a crash")
    func deepNesting() {
        var problems: [String] = []
        let only = ProcessInfo.processInfo.environment["ROOST_FUZZ_ONLY"]
        let known = KnownFailures.load()
        for (label, text) in Self.stress where only == nil || only == label {
            // A crash cannot be caught, so a known crash of the parser called
            // directly is gated by skipping that call (KNOWN-FAILURES: fuzz-LABEL).
            // A known hang is skipped too: its thread could not be stopped and
            // would take the machine's cores from every other test.
            let name = "fuzz-" + label.replacingOccurrences(of: " ", with: "-")
            if known.contains(name) {
                print("fuzz: \(label): skipped, listed in KNOWN-FAILURES as \(name): \(known.reasons[name] ?? "")")
                continue
            }
            if let p = Self.check(Array(text.utf8), label: label, saveAs: Self.currentStress, timeout: 300) { problems.append(p) }
        }
        for p in problems { Issue.record(Comment(rawValue: p)) }
    }
}
