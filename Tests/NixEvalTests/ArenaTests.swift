// Values live in arenas (Sources/NixEval/Value/Arena.swift): a value is plain
// data, it stays valid as long as its arena, and an evaluation that keeps too
// much stops with an error instead of being killed by the system.

import Testing
@testable import NixEval

@Suite struct ArenaTests {
    @Test("a value is plain data: copying one counts no references")
    func valuesArePlainData() {
        #expect(_isPOD(Value.self))
        // Kept in cells that are never deinitialized (environments, a set's attributes).
        #expect(_isPOD(Attr.self))
        #expect(_isPOD(Attrs.Storage.self))
        #expect(_isPOD(Env.self))
        #expect(MemoryLayout<Value>.size <= 16)
    }

    @Test("values outlive the evaluator that made them")
    func valuesOutliveTheirEvaluator() throws {
        var items: [Value] = []
        do {
            let ev = Evaluator()
            let v = try ev.force(try ev.evaluate(expression: "builtins.genList (i: \"v${toString i}\") 3", baseDirectory: "/"), at: .none)
            try ev.deepForce(v, at: .none)
            guard case .list(let l) = v else {
                Issue.record("not a list: \(v.typeName)")
                return
            }
            items = Array(l)
        }
        // The evaluator is gone; the strings it made are not.
        let texts = items.compactMap { item -> String? in
            var v = item
            if case .thunk(let t) = v, let forced = t.evaluatedValue { v = forced }
            if case .string(let s) = v { return s.string }
            return nil
        }
        #expect(texts == ["v0", "v1", "v2"])
    }

    static func run(_ expression: String, limit: Int? = nil) -> (exitCode: Int32, stdout: String, stderr: String) {
        var request = EvalRequest(source: .expression(expression, baseDirectory: "/"))
        request.options.memoryLimit = limit
        request.strict = true
        let r = Instantiate.run(request)
        return (r.exitCode, String(decoding: r.stdoutBytes, as: UTF8.self), String(decoding: r.stderrBytes, as: UTF8.self))
    }

    @Test("an evaluation that keeps more than its limit stops with an error that says what to do")
    func memoryLimit() {
        // 20,000 appends keep 20,000 lists of up to 20,000 elements: 3 GiB.
        let quadratic = "builtins.length (builtins.foldl' (acc: x: acc ++ [x]) [] (builtins.genList (x: x) 20000))"
        let r = Self.run(quadratic, limit: 64 << 20)
        #expect(r.exitCode == 1)
        #expect(r.stdout.isEmpty)
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("error: evaluation needs more than 64 MiB of memory"))
        #expect(first.contains("instead of repeated ++ or +"))
        // The same work done with a builtin stays far below the limit.
        let linear = Self.run("builtins.length (builtins.genList (x: x) 20000)", limit: 64 << 20)
        #expect(linear.exitCode == 0)
        #expect(linear.stdout == "20000\n")
    }

    @Test("strings built by repeated + count against the limit too")
    func memoryLimitStrings() {
        let r = Self.run("builtins.stringLength (builtins.foldl' (acc: x: acc + \"0123456789\") \"\" (builtins.genList (x: x) 20000))", limit: 64 << 20)
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("error: evaluation needs more than 64 MiB of memory"))
    }

    @Test("an environment bigger than a quarter of a block gets a block of its own, freed with the rest")
    func bigEnvironments() {
        // 10,000 bindings: one environment of 160 kB, past the 64 kB a
        // shared block takes; evaluated twice so blocks come before and after it.
        let bindings = (1..<10_000).map { "a\($0) = a\($0 - 1) + 1;" }.joined(separator: " ")
        let program = "let a0 = 0; \(bindings) in [ a9999 (let b = a5000; in b) ]"
        let first = Self.run(program), second = Self.run(program)
        #expect(first.exitCode == 0)
        #expect(first.stdout == "[ 9999 5000 ]\n")
        #expect(second.stdout == first.stdout)
    }

    @Test("what is made in a scope goes to the scope's own arena, with its own limit")
    func scopes() {
        #expect(Arena.defaultLimit >= 1 << 30)
        let before = Arena.current.pointee.charged
        let made = Arena.scoped(limit: 1 << 40) { () -> Int in
            #expect(Arena.limit == 1 << 40)
            var xs: [Value] = []
            for i in 0..<10_000 { xs.append(.thunk(Thunk(value: .string("s\(i)")))) }
            return NixList(xs).count
        }
        #expect(made == 10_000)
        #expect(Arena.limit == Arena.defaultLimit)
        #expect(Arena.current.pointee.charged == before)
    }
}
