// The golden corpus (Tests/NixEvalTests/lang) through roost's evaluator
// in-process: eval-okay files must print exactly their .exp (nix-instantiate's
// stdout), eval-fail and parse-fail files must fail with exactly their .err.exp
// (roost's whole rendered error, the corpus path replaced by «lang»).
// `ACCEPT=1 swift test --filter Golden` rewrites the .err.exp files from
// roost's current errors (never one that names no file:line:column, which
// issue 2 requires, nor one caused by a missing builtin; ACCEPT_ONLY=a.nix,…
// limits it to some files); review the diff before committing it.
// Each test checks every file and lists all failing ones in one run; files in
// lang/KNOWN-FAILURES are reported but do not fail the suite;
// `REFRESH_KNOWN=1 swift test --filter Golden` rewrites that list from the run.

import Foundation
import Testing

@Suite struct GoldenTests {
    static let accept = ProcessInfo.processInfo.environment["ACCEPT"] == "1"
    /// `ACCEPT_ONLY=a.nix,b.nix` limits ACCEPT to those files (hand-written
    /// expectations elsewhere are then left alone).
    static let acceptOnly: Set<String>? = ProcessInfo.processInfo.environment["ACCEPT_ONLY"]
        .map { Set($0.split(separator: ",").map { String($0) }) }

    @Test("every eval-okay file prints exactly its .exp")
    func evalOkay() {
        let known = KnownFailures.load()
        var report = GoldenReport(known: known)
        for c in LangCorpus.cases([.evalOkay]) {
            guard let expected = LangCorpus.read(c.expPath) else {
                report.fail(c.fileName, "no .exp file: generate it with lang/update-exp.sh")
                continue
            }
            let out = RoostEval.run(c)
            let stdout = LangCorpus.normalise(out.stdout)
            if out.exitCode != 0 {
                report.fail(c.fileName, "roost failed (exit \(out.exitCode)); expected:\n\(clipped(expected))\nroost said:\n\(clipped(LangCorpus.normalise(out.stderr)))",
                            reason: "roost fails: " + LangCorpus.normalise(out.stderr))
            } else if stdout != expected {
                report.fail(c.fileName, "stdout differs:\n" + TextDiff.excerpt(expected: expected, actual: stdout),
                            reason: "prints \(stdout.prefix(60)) instead of \(expected.prefix(60))")
            } else if let expectedErr = LangCorpus.read(c.errExpPath),
                      LangCorpus.normalise(out.stderr) != expectedErr {
                report.fail(c.fileName, "stderr differs:\n" + TextDiff.excerpt(expected: expectedErr, actual: LangCorpus.normalise(out.stderr)))
            } else {
                report.pass(c.fileName)
            }
        }
        report.finish(suite: "eval-okay", prefix: CaseKind.evalOkay.rawValue)
    }

    @Test("every eval-fail file fails with exactly its .err.exp")
    func evalFail() { checkFailures(.evalFail) }

    @Test("every parse-fail file fails with exactly its .err.exp")
    func parseFail() { checkFailures(.parseFail) }

    @Test("the corpus is large and complete: every case has its expectation file")
    func corpusShape() {
        let all = LangCorpus.cases()
        #expect(all.count >= 300, "the golden corpus should hold 300+ cases, has \(all.count)")
        for c in all where c.kind == .evalOkay {
            #expect(FileManager.default.fileExists(atPath: c.expPath), "\(c.fileName) has no .exp")
        }
        // Every listed known failure names a real case (or a generated category).
        let names = Set(all.map(\.fileName))
        for name in KnownFailures.load().reasons.keys where !name.hasPrefix("generated-") && !name.hasPrefix("fuzz-") {
            #expect(names.contains(name), "KNOWN-FAILURES lists \(name), which is not a golden case")
        }
    }

    /// True when a rendered error points at a file (or an `--arg`/`-E` string).
    static func namesLocation(_ stderr: String) -> Bool {
        stderr.contains(" at «lang»/") || stderr.contains(" at «string»:")
    }

    /// The name in "error: attribute 'NAME' missing" when NAME is a builtin
    /// roost does not have yet (used so ACCEPT does not record such errors).
    static func missingBuiltin(_ stderr: String) -> String? {
        let first = stderr.split(separator: "\n").first.map(String.init) ?? ""
        let prefix = "error: attribute '", suffix = "' missing"
        guard first.hasPrefix(prefix), first.hasSuffix(suffix) else { return nil }
        let name = String(first.dropFirst(prefix.count).dropLast(suffix.count))
        return nixBuiltinNames.contains(name) ? "builtins.\(name)" : nil
    }

    /// `nix-instantiate --eval -E 'builtins.attrNames builtins'` (Nix 2.8).
    static let nixBuiltinNames: Set<String> = [
        "abort", "add", "addErrorContext", "all", "any", "appendContext", "attrNames", "attrValues", "baseNameOf",
        "bitAnd", "bitOr", "bitXor", "builtins", "catAttrs", "ceil", "compareVersions", "concatLists", "concatMap",
        "concatStringsSep", "currentSystem", "currentTime", "deepSeq", "derivation", "derivationStrict", "dirOf", "div",
        "elem", "elemAt", "false", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fetchurl", "filter",
        "filterSource", "findFile", "floor", "foldl'", "fromJSON", "fromTOML", "functionArgs", "genList",
        "genericClosure", "getAttr", "getContext", "getEnv", "groupBy", "hasAttr", "hasContext", "hashFile",
        "hashString", "head", "import", "intersectAttrs", "isAttrs", "isBool", "isFloat", "isFunction", "isInt",
        "isList", "isNull", "isPath", "isString", "langVersion", "length", "lessThan", "listToAttrs", "map", "mapAttrs",
        "match", "mul", "nixPath", "nixVersion", "null", "parseDrvName", "partition", "path", "pathExists",
        "placeholder", "readDir", "readFile", "removeAttrs", "replaceStrings", "scopedImport", "seq", "sort", "split",
        "splitVersion", "storeDir", "storePath", "stringLength", "sub", "substring", "tail", "throw", "toFile", "toJSON",
        "toPath", "toString", "toXML", "trace", "true", "tryEval", "typeOf", "unsafeDiscardOutputDependency",
        "unsafeDiscardStringContext", "unsafeGetAttrPos", "zipAttrsWith",
    ]

    private func checkFailures(_ kind: CaseKind) {
        var report = GoldenReport(known: KnownFailures.load())
        for c in LangCorpus.cases([kind]) {
            let out = RoostEval.run(c)
            let stderr = LangCorpus.normalise(out.stderr)
            if out.exitCode == 0 {
                report.fail(c.fileName, "roost succeeded but must fail; it printed:\n\(clipped(LangCorpus.normalise(out.stdout)))",
                            reason: "roost succeeds instead of failing")
                continue
            }
            if out.timedOut {
                report.fail(c.fileName, stderr)
                continue
            }
            if Self.accept, let only = Self.acceptOnly, !only.contains(c.fileName) {
                report.fail(c.fileName, "not in ACCEPT_ONLY", reason: "not accepted in this run")
                continue
            }
            if Self.accept {
                if !Self.namesLocation(stderr) && !((try? c.flags())?.attrPaths.isEmpty == false) {
                    report.fail(c.fileName, "not accepted: the error names no file:line:column",
                                reason: "error names no file:line:column; roost says: " + stderr)
                    continue
                }
                if let missing = Self.missingBuiltin(stderr), (LangCorpus.read(c.path) ?? "").contains(missing) {
                    report.fail(c.fileName, "not accepted: roost lacks the builtin '\(missing)', so its error is not the one this case is about",
                                reason: "roost lacks builtins.\(missing)")
                    continue
                }
                let old = LangCorpus.read(c.errExpPath)
                if old != stderr {
                    do { try LangCorpus.write(stderr, to: c.errExpPath) } catch {
                        report.fail(c.fileName, "cannot write \(c.errExpPath): \(error)")
                        continue
                    }
                    print("ACCEPT: wrote \(c.fileName.dropLast(4)).err.exp")
                }
                report.pass(c.fileName)
                continue
            }
            guard let expected = LangCorpus.read(c.errExpPath) else {
                report.fail(c.fileName, "no .err.exp: run `ACCEPT=1 swift test --filter Golden` and review it; roost said:\n\(clipped(stderr))",
                            reason: Self.namesLocation(stderr)
                                ? "no .err.exp yet; roost says: " + stderr
                                : "error names no file:line:column (issue 2 requires one; nix 2.8 names none either): " + stderr)
                continue
            }
            if stderr != expected {
                report.fail(c.fileName, "error differs:\n" + TextDiff.excerpt(expected: expected, actual: stderr))
            } else {
                report.pass(c.fileName)
            }
        }
        report.finish(suite: kind.rawValue.dropLast().description, prefix: kind.rawValue)
    }
}

func clipped(_ s: String, _ limit: Int = 1200) -> String {
    s.count > limit ? String(s.prefix(limit)) + "…" : s
}

/// Collects the outcome of many cases and records one issue per unexpected
/// failure plus a summary, so one run lists every failing file.
struct GoldenReport {
    let known: KnownFailures
    var failures: [String] = []
    var knownFailing: [String] = []
    var knownPassing: [String] = []
    /// Every failure (known or not) with a one-line reason, for REFRESH_KNOWN=1.
    var allFailures: [(String, String)] = []
    var passed = 0

    init(known: KnownFailures) { self.known = known }

    mutating func pass(_ name: String) {
        passed += 1
        if known.contains(name) { knownPassing.append(name) }
    }

    mutating func fail(_ name: String, _ detail: String, reason: String? = nil) {
        allFailures.append((name, reason ?? detail))
        if known.contains(name) {
            knownFailing.append(name)
        } else {
            failures.append(name)
            Issue.record("\(name): \(detail)")
        }
    }

    /// `prefix` selects the KNOWN-FAILURES entries this report owns.
    func finish(suite: String, prefix: String? = nil) {
        if KnownFailures.refreshRequested, let prefix {
            KnownFailures.refresh(prefix: prefix, failures: allFailures)
            print("golden \(suite): KNOWN-FAILURES refreshed with \(allFailures.count) entries")
            return
        }
        print("golden \(suite): \(passed) passed, \(failures.count) failed, \(knownFailing.count) known failures")
        if !knownPassing.isEmpty && prefix != nil {
            print("golden \(suite): now passing, remove from KNOWN-FAILURES: \(knownPassing.joined(separator: " "))")
        }
        if !failures.isEmpty {
            Issue.record("\(failures.count) \(suite) file(s) failed: \(failures.joined(separator: ", "))")
        }
    }
}
