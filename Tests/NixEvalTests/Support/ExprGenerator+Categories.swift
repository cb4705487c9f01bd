// The generator's categories that are not a single type: scoping rules,
// function forms, assorted builtins, regular expressions, version strings,
// and expressions with a planted failure. Each returns one expression.

extension ExprGenerator {
    mutating func scoping(_ d: Int) -> String {
        let v = leaf(.int), w = leaf(.int)
        switch rng.below(7) {
        case 0: return "(let a = \(v); in with { a = \(w); b = \(leaf(.int)); }; [ a b ])"
        case 1: return "(with { a = \(v); }; with { a = \(w); }; a)"
        case 2: return "(let a = \(v); in (rec { a = \(w); b = a; }).b)"
        case 3: return "(let a = \(v); in { a = \(w); b = a; }).b"
        case 4: return "((a: with { a = \(w); }; a) \(v))"
        case 5: return "(let x = \(gen(.int, d)); f = y: x + y; in let x = \(w); in f x)"
        default: return "(let s = { a = \(v); }; in with s; let b = a + \(w); in [ a b ])"
        }
    }

    mutating func lambdas(_ d: Int) -> String {
        let v = gen(.int, d - 1), w = gen(.int, d - 1)
        switch rng.below(7) {
        case 0: return "(({ a, b ? \(w) }: a * b) { a = \(v); })"
        case 1: return "(({ a ? b + 1, b ? \(w) }: [ a b ]) { })"
        case 2: return "((args@{ a, ... }: [ a (builtins.attrNames args) ]) { a = \(v); zz = \(w); })"
        case 3: return "(({ a, ... }@args: args.a + a) { a = \(v); })"
        case 4: return "(let compose = f: g: x: f (g x); in compose (x: x * 2) (x: x + \(w)) \(v))"
        case 5: return "(builtins.functionArgs ({ p, q ? \(v) }: p))"
        default: return "(let f = { __functor = self: x: self.k + x; k = \(w); }; in f \(v))"
        }
    }

    mutating func builtinsExpr(_ d: Int) -> String {
        switch rng.below(8) {
        case 0: return "(builtins.groupBy (s: builtins.substring 0 1 s) \(gen(.stringList, d)))"
        case 1: return "(builtins.genericClosure { startSet = [ { key = \(rng.below(5)); } ]; operator = e: if e.key < \(rng.below(8) + 2) then [ { key = e.key + \(rng.below(3) + 1); } ] else [ ]; })"
        case 2: return "(builtins.tryEval \(rng.chance(50) ? "(throw \"t\")" : gen(.int, d)))"
        case 3: return "(builtins.fromJSON (builtins.toJSON \(gen(rng.pick([.int, .string, .intList, .stringList, .intSet, .bool]), d))))"
        case 4: return "(builtins.parseDrvName \(versionName()))"
        case 5: return "(builtins.partition (p: p > \(leaf(.int))) \(gen(.intList, d)))"
        case 6: return "(builtins.zipAttrsWith (n: vs: vs) [ \(gen(.intSet, d)) \(gen(.intSet, d)) ])"
        default: return "(builtins.deepSeq \(gen(rng.pick(GenType.allCases), d)) \(gen(.int, d)))"
        }
    }

    mutating func regex() -> String {
        let atoms = ["a", "b", ".", "[ab]", "[^a]", "(a|b)", "(ab)", "[[:alpha:]]", "[0-9]", "x"]
        let quant = ["", "", "*", "+", "?", "{1,2}"]
        let n = rng.below(3) + 1
        let pattern = (0..<n).map { _ in rng.pick(atoms) + rng.pick(quant) }.joined()
        let subject = (0..<rng.below(6)).map { _ in rng.pick(["a", "b", "x", "1", "ab", " "]) }.joined()
        return rng.chance(50)
            ? "(builtins.match \"\(pattern)\" \"\(subject)\")"
            : "(builtins.split \"\(pattern)\" \"\(subject)\")"
    }

    mutating func versionLiteral() -> String {
        let parts = ["1", "2", "10", "0", "pre", "rc1", "a", "beta", "3"]
        let seps = [".", "-", ".", ""]
        var s = rng.pick(parts)
        for _ in 0..<rng.below(3) { s += rng.pick(seps) + rng.pick(parts) }
        return "\"\(s)\""
    }

    mutating func versionName() -> String {
        "\"\(rng.pick(["hello", "foo-bar", "x", "lib2"]))-\(versionLiteral().dropFirst().dropLast())\""
    }

    mutating func versions() -> String {
        switch rng.below(3) {
        case 0: return "(builtins.compareVersions \(versionLiteral()) \(versionLiteral()))"
        case 1: return "(builtins.splitVersion \(versionLiteral()))"
        default: return "(builtins.parseDrvName \(versionName()))"
        }
    }

    /// An expression with one failure planted in it, used or unused.
    mutating func planted(_ d: Int) -> String {
        let failures = [
            "(throw \"planted\")", "(abort \"planted\")", "(1 + \"s\")", "({ a = 1; }.b)", "(builtins.head [ ])",
            "(builtins.elemAt [ 1 ] 5)", "(1 / 0)", "(assert false; 1)", "(let x = x; in x)", "(1 2)",
            "(({ a }: a) { })", "(({ a }: a) { a = 1; b = 2; })", "(if 1 then 2 else 3)", "(\"${{ }}\")",
            "(builtins.substring (-1) 1 \"x\")", "(builtins.fromJSON \"{\")", "(builtins.genList (x: x) (-1))",
            "({ a = 1; a = 2; })", "(undefinedVariable)", "(builtins.tryEval (1 + \"s\"))",
            "(builtins.tryEval (throw \"caught\"))", "(builtins.toJSON (x: x))", "(builtins.attrNames 1)",
        ]
        let bad = rng.pick(failures)
        switch rng.below(5) {
        case 0: return bad
        case 1: return "(let unused = \(bad); in \(gen(.int, d)))"
        case 2: return "[ \(gen(.int, d)) \(bad) ]"
        case 3: return "(builtins.length [ \(bad) \(gen(.int, d)) ])"
        default: return "({ ok = \(gen(.int, d)); bad = \(bad); }).\(rng.pick(["ok", "bad"]))"
        }
    }
}
