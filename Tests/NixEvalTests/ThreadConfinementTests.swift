// Evaluators share no counted objects (see Value/Arena.swift: the release
// build counts references without atomics and relies on it). These tests run
// many evaluators side by side on separate threads, each using the builtins
// that touch process-wide state (regexes, the store registry, the empty set,
// the builtin tables, the arena), and check every result; and they check
// that builtins are not shared.

import Foundation
import Testing
@testable import NixEval

@Suite struct ThreadConfinementTests {
    /// A program that exercises the builtin tables, the regex cache, empty
    /// sets, unfilled slots of `let`/`rec`, and toFile through the store registry.
    static func program(_ n: Int) -> String {
        """
        let
          xs = builtins.genList (i: "item-${toString (i + \(n))}") 200;
          matched = builtins.filter (s: builtins.match "item-([0-9]+)" s != null) xs;
          parts = map (s: builtins.elemAt (builtins.split "-" s) 2) matched;
          sets = map (p: { } // { ${p} = builtins.stringLength p; } // { }) parts;
          merged = builtins.foldl' (a: b: a // b) { } sets;
          file = builtins.toFile "confinement" "shared text";
          r = rec { a = b + 1; b = builtins.length (builtins.attrNames merged); };
        in [ r.a (builtins.baseNameOf file) (builtins.head parts) ]
        """
    }

    @Test("evaluators on eight threads at once give the same results as one alone")
    func concurrentEvaluators() async throws {
        let store = NSTemporaryDirectory() + "roost-confinement-\(UUID().uuidString.lowercased())"
        defer { try? FileManager.default.removeItem(atPath: store) }
        func run(_ n: Int) -> EvalResult {
            var request = EvalRequest(source: .expression(Self.program(n), baseDirectory: "/tmp"))
            request.strict = true
            request.options.storeDir = store
            return Instantiate.run(request)
        }
        let expected = (0..<8).map { run($0) }
        for (n, result) in expected.enumerated() {
            #expect(result.exitCode == 0, "program \(n): \(result.stderr)")
            #expect(result.stdout.hasPrefix("[ 201 \""), "program \(n): \(result.stdout)")
            #expect(result.stdout.contains("-confinement\" \"\(n)\" ]"), "program \(n): \(result.stdout)")
        }
        let results = await withTaskGroup(of: (Int, [EvalResult]).self) { group in
            for n in 0..<8 {
                group.addTask {
                    let thread = (0..<10).map { _ in run(n) }
                    return (n, thread)
                }
            }
            var all: [(Int, [EvalResult])] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        for (n, rounds) in results {
            for r in rounds {
                #expect(r.stdout == expected[n].stdout)
                #expect(r.stderr == expected[n].stderr)
            }
        }
    }

    @Test("each evaluator has builtin functions of its own")
    func builtinsAreNotShared() {
        let a = Evaluator(), b = Evaluator()
        let sym = a.symbols.intern("map")
        guard case .primop(let opA)? = a.builtinsAttrs[sym],
              case .primop(let opB)? = b.builtinsAttrs[b.symbols.intern("map")] else {
            Issue.record("builtins.map is not a builtin function")
            return
        }
        #expect(!opA.isSame(opB))
    }
}
