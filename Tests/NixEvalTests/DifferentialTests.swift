// Differential tests: the same inputs through roost (in-process) and through
// nix-instantiate, the reference. Every golden file must give identical stdout
// (and nix must still agree with the checked-in .exp); a few thousand seeded,
// generated expressions must print identically, and wherever nix fails roost
// must fail too. nix-instantiate runs in batches (one process prints many
// generated expressions with `-A 0 -A 1 …`) on two threads, to keep the suite
// within a few minutes. ROOST_DIFF_SEED, ROOST_DIFF_COUNT (per category) and
// ROOST_DIFF_DUMP (a file to write the expressions to) help when debugging.
// Integer overflow is the one deliberate difference: roost reports it, nix 2.8
// wraps around (cases in lang/NOT-IN-NIX; counted, not failed, when generated).
// Cases and categories in lang/KNOWN-FAILURES are
// reported but do not fail the suite.

import Foundation
import Testing

@Suite struct DifferentialTests {
    /// Fixed so every run checks the same expressions; change it to explore.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["ROOST_DIFF_SEED"].flatMap(UInt64.init) ?? 20_240_601
    static let perCategory = Int(ProcessInfo.processInfo.environment["ROOST_DIFF_COUNT"] ?? "") ?? 300

    @Test("nix-instantiate, the reference evaluator, is installed")
    func referenceInstalled() {
        #expect(NixInstantiate.path != nil, Comment(rawValue: NixInstantiate.missingMessage))
    }

    @Test("the expression generator is deterministic for a seed")
    func generatorDeterministic() {
        var a = ExprGenerator(seed: 7), b = ExprGenerator(seed: 7), c = ExprGenerator(seed: 8)
        let xs = GenCategory.allCases.map { a.expression($0) }
        #expect(xs == GenCategory.allCases.map { b.expression($0) })
        #expect(xs != GenCategory.allCases.map { c.expression($0) })
    }

    @Test("every golden file gives the same result in roost and in nix-instantiate")
    func goldenFiles() {
        guard NixInstantiate.path != nil else {
            Issue.record(Comment(rawValue: NixInstantiate.missingMessage))
            return
        }
        let notInNix = LangCorpus.notInNix()
        let cases = LangCorpus.cases().filter { !notInNix.contains($0.fileName) }
        let nix = Parallel.map(cases.count) { i -> ProcessOutput in
            let c = cases[i]
            guard let flags = try? c.flags() else {
                return ProcessOutput(stdout: "", stderr: "bad .flags", exitCode: -1, timedOut: false)
            }
            return NixInstantiate.eval(flags.nixArguments + [c.path])
        }
        var report = GoldenReport(known: KnownFailures.load())
        for (c, n) in zip(cases, nix) {
            let nixOut = LangCorpus.normalise(n.stdout)
            if n.timedOut {
                Issue.record("\(c.fileName): nix-instantiate timed out")
                continue
            }
            switch c.kind {
            case .evalOkay:
                guard n.exitCode == 0 else {
                    Issue.record("\(c.fileName): nix-instantiate fails on an eval-okay file: \(clipped(n.stderr, 400))")
                    continue
                }
                if let exp = LangCorpus.read(c.expPath), exp != nixOut {
                    let diff = TextDiff.excerpt(expected: exp, actual: nixOut)
                    Issue.record("\(c.fileName): .exp is stale, rerun lang/update-exp.sh:\n\(diff)")
                }
            case .evalFail, .parseFail:
                guard n.exitCode != 0 else {
                    Issue.record("\(c.fileName): nix-instantiate succeeds on a failure case, printing \(clipped(nixOut, 300))")
                    continue
                }
                // A parse-fail case must fail in the parser, an eval-fail case after it.
                // Asked twice before concluding it does not parse: under heavy load a
                // nix-instantiate process has been seen to fail for reasons of its own.
                let parsed = NixInstantiate.parse(c.path).exitCode == 0 || NixInstantiate.parse(c.path).exitCode == 0
                if c.kind == .parseFail && parsed {
                    Issue.record("\(c.fileName): nix-instantiate --parse accepts it, so it is not a parse failure; rename it eval-fail-…")
                }
                if c.kind == .evalFail && !parsed && !c.fileName.contains("import-parse-error") {
                    Issue.record("\(c.fileName): nix-instantiate --parse rejects it, so it is a parse failure; rename it parse-fail-…")
                }
            }
            let r = RoostEval.run(c)
            let roostOut = LangCorpus.normalise(r.stdout)
            if n.exitCode != 0 {
                if r.exitCode == 0 {
                    report.fail(c.fileName, "nix-instantiate fails but roost prints \(clipped(roostOut, 300))\nnix said: \(clipped(LangCorpus.normalise(n.stderr), 400))",
                                reason: "roost succeeds instead of failing")
                } else {
                    report.pass(c.fileName)
                }
            } else if r.exitCode != 0 {
                report.fail(c.fileName, "roost fails where nix-instantiate prints \(clipped(nixOut, 300))\nroost said: \(clipped(LangCorpus.normalise(r.stderr), 400))",
                            reason: "roost fails: " + LangCorpus.normalise(r.stderr))
            } else if roostOut != nixOut {
                report.fail(c.fileName, "stdout differs (- nix, + roost):\n" + TextDiff.excerpt(expected: nixOut, actual: roostOut))
            } else if LangCorpus.read(c.errExpPath) != nil, LangCorpus.normalise(r.stderr) != LangCorpus.normalise(n.stderr) {
                report.fail(c.fileName, "stderr differs (- nix, + roost):\n" + TextDiff.excerpt(expected: LangCorpus.normalise(n.stderr), actual: LangCorpus.normalise(r.stderr)))
            } else {
                report.pass(c.fileName)
            }
        }
        report.finish(suite: "differential golden")
    }

    @Test("generated expressions print the same in roost and in nix-instantiate, and fail where nix fails")
    func generated() {
        guard NixInstantiate.path != nil else {
            Issue.record(Comment(rawValue: NixInstantiate.missingMessage))
            return
        }
        var gen = ExprGenerator(seed: Self.seed)
        var exprs: [(GenCategory, String)] = []
        var groups: [Range<Int>] = []
        for category in GenCategory.allCases {
            let start = exprs.count
            for _ in 0..<Self.perCategory { exprs.append((category, gen.expression(category))) }
            // Planted errors mostly fail, so batching them would save nothing.
            if category == .errors {
                groups += (start..<exprs.count).map { $0..<($0 + 1) }
            } else {
                groups.append(start..<exprs.count)
            }
        }
        if let dump = ProcessInfo.processInfo.environment["ROOST_DIFF_DUMP"] {
            // For debugging: every generated expression, one per line, with its category.
            try? exprs.map { "\($0.0.rawValue)\t\($0.1.replacingOccurrences(of: "\n", with: "\\n"))" }
                .joined(separator: "\n").write(toFile: dump, atomically: false, encoding: .utf8)
        }
        let nix = GeneratedBatches.evaluateWithNix(exprs.map(\.1), batches: groups)
        let known = KnownFailures.load()
        var mismatches: [GenCategory: [String]] = [:]
        var compared = 0
        var nixFailures: [GenCategory: [String]] = [:]
        var overflows = 0
        for (i, (category, expr)) in exprs.enumerated() {
            guard let n = nix[i] else { continue }
            compared += 1
            if !n.success { nixFailures[category, default: []].append("\(expr)\n    → \(n.output.split(separator: "\n").first ?? "")") }
            let r = RoostEval.run(expression: expr)
            let problem: String?
            switch (n.success, r.exitCode == 0) {
            case (true, true):
                problem = r.stdout == n.output + "\n" ? nil
                    : "prints differently:\n  expr:  \(expr)\n  nix:   \(clipped(n.output, 300))\n  roost: \(clipped(r.stdout, 300))"
            case (true, false) where r.stderr.hasPrefix("error: integer overflow in "):
                // Deliberate: nix 2.8 wraps around, roost reports the overflow.
                overflows += 1
                problem = nil
            case (true, false):
                problem = "roost fails where nix prints a value:\n  expr:  \(expr)\n  nix:   \(clipped(n.output, 300))\n  roost: \(clipped(r.stderr, 300))"
            case (false, true):
                problem = "roost succeeds where nix fails:\n  expr:  \(expr)\n  roost: \(clipped(r.stdout, 300))\n  nix:   \(clipped(n.output, 300))"
            case (false, false):
                problem = nil
            }
            if let problem { mismatches[category, default: []].append(problem) }
        }
        #expect(compared == exprs.count, "nix-instantiate gave no answer for \(exprs.count - compared) expressions")
        // Overflow is the one deliberate difference; it must stay the exception,
        // or the comparison would mostly be of errors.
        #expect(overflows * 100 <= exprs.count * 5, "\(overflows) of \(exprs.count) generated expressions overflow")
        print("differential generated: \(overflows) of \(exprs.count) expressions overflow (roost: an error; nix 2.8 wraps)")
        // The generator is typed: outside the `errors` category nix must accept
        // nearly everything, or the comparison would mostly be of two errors.
        for category in GenCategory.allCases where category != .errors {
            let failing = nixFailures[category]?.count ?? 0
            #expect(failing * 100 <= Self.perCategory * 3,
                    "nix-instantiate rejects \(failing) of \(Self.perCategory) generated \(category.rawValue) expressions; the generator is producing ill-typed code: \(nixFailures[category]?.first ?? "")")
        }
        var refreshed: [(String, String)] = []
        for category in GenCategory.allCases {
            let list = mismatches[category] ?? []
            let name = "generated-\(category.rawValue)"
            let failing = nixFailures[category] ?? []
            print("differential \(name): \(Self.perCategory - list.count)/\(Self.perCategory) identical; nix fails on \(failing.count)")
            if ProcessInfo.processInfo.environment["ROOST_DIFF_VERBOSE"] == "1" {
                for f in failing.prefix(8) { print("  nix fails: \(f)") }
            }
            guard !list.isEmpty else {
                if known.contains(name) { print("differential: now passing, remove \(name) from KNOWN-FAILURES") }
                continue
            }
            refreshed.append((name, "\(list.count) of \(Self.perCategory) differ, e.g. " + (list[0].split(separator: "\n").dropFirst().first.map(String.init) ?? "")))
            let shown = list.prefix(5).joined(separator: "\n")
            if known.contains(name) || KnownFailures.refreshRequested {
                print("differential \(name) (known failure): \(list.count) mismatches, first:\n\(shown)")
            } else {
                Issue.record("\(name): \(list.count) of \(Self.perCategory) expressions differ (seed \(Self.seed)); first ones:\n\(shown)")
            }
        }
        if KnownFailures.refreshRequested {
            KnownFailures.refresh(prefix: "generated-", failures: refreshed)
        }
    }
}
