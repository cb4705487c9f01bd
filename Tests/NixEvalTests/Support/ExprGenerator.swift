// A seeded generator of Nix expressions for the differential tests. Generation
// is typed (every production knows the type it yields and asks for operands of
// the right types), so nearly every expression evaluates; the `errors`
// category instead plants one failure (used or unused, to exercise laziness).
// It deliberately avoids what would make outputs differ for reasons other than
// evaluation (store paths, the clock, the environment, traces).

/// The types the generator tracks.
enum GenType: CaseIterable {
    case int, float, bool, string, intList, stringList, intSet
}

/// One category of generated expressions; its name is what KNOWN-FAILURES lists
/// (`generated-NAME`).
enum GenCategory: String, CaseIterable, Sendable {
    case arith, floats, compare, strings, lists, sets, scoping, lambdas, builtins, regex, versions, errors
}

struct ExprGenerator {
    var rng: SeededRandom
    /// Variables in scope: name and type.
    var scope: [(String, GenType)] = []
    var fresh = 0

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    /// One top-level expression of a category.
    mutating func expression(_ category: GenCategory) -> String {
        scope = []
        let d = 3
        switch category {
        case .arith: return gen(.int, d)
        case .floats: return gen(.float, d)
        case .compare: return gen(.bool, d)
        case .strings: return gen(.string, d)
        case .lists: return rng.chance(50) ? gen(.intList, d) : gen(.stringList, d)
        case .sets: return gen(.intSet, d)
        case .scoping: return scoping(d)
        case .lambdas: return lambdas(d)
        case .builtins: return builtinsExpr(d)
        case .regex: return regex()
        case .versions: return versions()
        case .errors: return planted(d)
        }
    }

    mutating func name() -> String {
        fresh += 1
        return rng.pick(["x", "y", "v", "n", "acc", "s"]) + String(fresh)
    }

    mutating func variable(_ t: GenType) -> String? {
        let candidates = scope.filter { $0.1 == t }
        return candidates.isEmpty ? nil : rng.pick(candidates).0
    }

    mutating func withVar<R>(_ n: String, _ t: GenType, _ body: (inout ExprGenerator) -> R) -> R {
        scope.append((n, t))
        defer { scope.removeLast() }
        return body(&self)
    }

    // MARK: typed productions

    mutating func gen(_ t: GenType, _ depth: Int) -> String {
        if depth <= 0 || rng.chance(15) {
            if rng.chance(60), let v = variable(t) { return v }
            return leaf(t)
        }
        let d = depth - 1
        if rng.chance(10) {
            // A let binding of any type in front of the expression.
            let n = name()
            let bt = rng.pick(GenType.allCases)
            let value = gen(bt, d)
            return withVar(n, bt) { g in "(let \(n) = \(value); in \(g.gen(t, d)))" }
        }
        if rng.chance(6) {
            return "(if \(gen(.bool, d)) then \(gen(t, d)) else \(gen(t, d)))"
        }
        switch t {
        case .int: return intExpr(d)
        case .float: return floatExpr(d)
        case .bool: return boolExpr(d)
        case .string: return stringExpr(d)
        case .intList: return intListExpr(d)
        case .stringList: return stringListExpr(d)
        case .intSet: return intSetExpr(d)
        }
    }

    mutating func leaf(_ t: GenType) -> String {
        switch t {
        case .int:
            if rng.chance(3) { return rng.pick(["9223372036854775807", "(-9223372036854775807)", "4611686018427387904"]) }
            let v = rng.below(120) - 20
            return v < 0 ? "(\(v))" : String(v)
        case .float:
            return rng.pick(["1.5", "0.25", "3.0", "0.1", "2.75", "100.0", "1.0e3", "1.5e-3", "123456.789", "(-0.5)", "0.0", "1.0e20", "7.0"])
        case .bool: return rng.pick(["true", "false"])
        case .string:
            return rng.pick(["\"\"", "\"a\"", "\"abc\"", "\"Hello\"", "\"a b\"", "\"x\\ny\"", "\"tab\\there\"", "\"q\\\"q\"",
                             "\"$\"", "\"\\${x}\"", "\"é\"", "\"1.0\"", "\"back\\\\slash\"", "\"zz\"", "''ind''"])
        case .intList:
            let n = rng.below(5)
            return "[ " + (0..<n).map { _ in leaf(.int) }.joined(separator: " ") + (n > 0 ? " ]" : "]")
        case .stringList:
            let n = rng.below(4)
            return "[ " + (0..<n).map { _ in leaf(.string) }.joined(separator: " ") + (n > 0 ? " ]" : "]")
        case .intSet:
            let keys = Array(Set((0..<rng.below(4)).map { _ in rng.pick(setKeys) })).sorted()
            return "{ " + keys.map { "\($0) = \(leaf(.int)); " }.joined() + "}"
        }
    }

    let setKeys = ["a", "b", "c", "d", "e", "\"with space\"", "z9"]

    mutating func key() -> String { rng.pick(["a", "b", "c", "d", "e", "z9"]) }

    mutating func intExpr(_ d: Int) -> String {
        switch rng.below(18) {
        case 0: return "(\(gen(.int, d)) + \(gen(.int, d)))"
        case 1: return "(\(gen(.int, d)) - \(gen(.int, d)))"
        case 2: return "(\(gen(.int, d)) * \(gen(.int, d)))"
        case 3: return "(\(gen(.int, d)) / \(rng.pick(["1", "2", "3", "(-2)", "7", "10"])))"
        case 4: return "(-\(gen(.int, d)))"
        case 5: return "(builtins.length \(gen(rng.chance(50) ? .intList : .stringList, d)))"
        case 6: return "(builtins.stringLength \(gen(.string, d)))"
        case 7: return "(builtins.foldl' (a: b: a + b) \(gen(.int, d)) \(gen(.intList, d)))"
        case 8: return "(builtins.head (\(gen(.intList, d)) ++ [ \(gen(.int, d)) ]))"
        case 9: return "(\(gen(.intSet, d)).\(key()) or \(gen(.int, d)))"
        case 10: return "(builtins.\(rng.pick(["bitAnd", "bitOr", "bitXor", "add", "sub", "mul"])) \(gen(.int, d)) \(gen(.int, d)))"
        case 11: return "(builtins.\(rng.pick(["ceil", "floor"])) \(gen(.float, d)))"
        case 12:
            let n = name()
            let body = withVar(n, .int) { g in g.gen(.int, d) }
            return "((\(n): \(body)) \(gen(.int, d)))"
        case 13: return "(with \(gen(.intSet, d)); \(gen(.int, d)))"
        case 14: return "(builtins.length (builtins.attrNames \(gen(.intSet, d))))"
        case 15: return "(builtins.elemAt [ \(gen(.int, d)) \(gen(.int, d)) ] \(rng.below(2)))"
        case 16: return "(builtins.div \(gen(.int, d)) \(rng.pick(["3", "(-4)", "5"])))"
        default: return "(builtins.compareVersions \(versionLiteral()) \(versionLiteral()))"
        }
    }

    mutating func floatExpr(_ d: Int) -> String {
        switch rng.below(8) {
        case 0: return "(\(gen(.float, d)) + \(gen(rng.chance(50) ? .int : .float, d)))"
        case 1: return "(\(gen(.float, d)) * \(gen(rng.chance(50) ? .int : .float, d)))"
        case 2: return "(\(gen(.float, d)) - \(gen(.int, d)))"
        case 3: return "(\(gen(.float, d)) / \(rng.pick(["3", "7.0", "0.5", "(-3)", "1.0e3", "9"])))"
        case 4: return "(\(gen(.int, d)) / \(rng.pick(["3.0", "7.0", "0.25", "1.0e2"])))"
        case 5: return "(-\(gen(.float, d)))"
        case 6: return "(builtins.fromJSON \"\(rng.pick(["1.5", "2e3", "0.125", "-7.25", "1e-5"]))\")"
        default: return "(builtins.div \(gen(.float, d)) \(rng.pick(["2", "3.0", "(-0.5)"])))"
        }
    }

    mutating func boolExpr(_ d: Int) -> String {
        switch rng.below(14) {
        case 0: return "(\(gen(.int, d)) \(rng.pick(["<", "<=", ">", ">=", "==", "!="])) \(gen(.int, d)))"
        case 1: return "(\(gen(.string, d)) \(rng.pick(["<", "<=", ">", ">=", "==", "!="])) \(gen(.string, d)))"
        case 2: return "(\(gen(.intList, d)) \(rng.pick(["<", "==", ">=", "!="])) \(gen(.intList, d)))"
        case 3: return "(\(gen(.bool, d)) \(rng.pick(["&&", "||", "->"])) \(gen(.bool, d)))"
        case 4: return "(!\(gen(.bool, d)))"
        case 5: return "(builtins.elem \(gen(.int, d)) \(gen(.intList, d)))"
        case 6: return "(\(gen(.intSet, d)) ? \(key()))"
        case 7:
            let t = rng.pick(GenType.allCases)
            return "(builtins.\(rng.pick(["isInt", "isString", "isList", "isAttrs", "isBool", "isFloat", "isFunction", "isNull"])) \(gen(t, d)))"
        case 8:
            let n = name()
            let body = withVar(n, .int) { g in g.gen(.bool, d) }
            return "(builtins.\(rng.pick(["all", "any"])) (\(n): \(body)) \(gen(.intList, d)))"
        case 9: return "(\(gen(.float, d)) \(rng.pick(["<", "==", ">"])) \(gen(.int, d)))"
        case 10: return "(\(gen(.intSet, d)) == \(gen(.intSet, d)))"
        case 11: return "(builtins.lessThan \(gen(.int, d)) \(gen(.int, d)))"
        case 12: return "(builtins.hasAttr \"\(key())\" \(gen(.intSet, d)))"
        default: return "(\(gen(.string, d)) == \(gen(.string, d)) && \(gen(.bool, d)))"
        }
    }

    mutating func stringExpr(_ d: Int) -> String {
        switch rng.below(16) {
        case 0: return "(\(gen(.string, d)) + \(gen(.string, d)))"
        case 1: return "\"<${\(gen(.string, d))}|${toString \(gen(.int, d))}>\""
        case 2: return "(builtins.substring \(rng.below(4)) (\(rng.below(6) - 1)) \(gen(.string, d)))"
        case 3: return "(toString \(gen(rng.pick([.int, .float, .bool, .intList, .string]), d)))"
        case 4: return "(builtins.concatStringsSep \(leaf(.string)) \(gen(.stringList, d)))"
        case 5: return "(builtins.replaceStrings [ \(leaf(.string)) ] [ \(leaf(.string)) ] \(gen(.string, d)))"
        case 6: return "(builtins.toJSON \(gen(rng.pick(GenType.allCases), d)))"
        case 7: return "(builtins.typeOf \(gen(rng.pick(GenType.allCases), d)))"
        case 8: return "(builtins.head (\(gen(.stringList, d)) ++ [ \"last\" ]))"
        case 9:
            let pad = String(repeating: " ", count: rng.below(4) + 1)
            return "(''\n\(pad)  first ${\(gen(.string, d))}\n\(pad)line\(rng.pick(["", " ''$", " '''", " ''\\t"]))\n\(pad)'')"
        case 10: return "(builtins.\(rng.pick(["baseNameOf", "dirOf"])) \(rng.pick(["\"/a/b/c\"", "\"a/b\"", "\"/\"", "\"x\"", "\"a//b/\""])))"
        case 11: return "(builtins.hashString \"\(rng.pick(["md5", "sha1", "sha256", "sha512"]))\" \(gen(.string, d)))"
        case 12: return "(builtins.unsafeDiscardStringContext \(gen(.string, d)))"
        case 13: return "(builtins.toXML \(gen(rng.pick(GenType.allCases), d)))"
        case 14: return "(toString (\(gen(.intSet, d)).\(key()) or 0))"
        default: return "(builtins.concatStringsSep \",\" (map toString \(gen(.intList, d))))"
        }
    }

    mutating func intListExpr(_ d: Int) -> String {
        switch rng.below(13) {
        case 0: return "(\(gen(.intList, d)) ++ \(gen(.intList, d)))"
        case 1:
            let n = name()
            let body = withVar(n, .int) { g in g.gen(.int, d) }
            return "(map (\(n): \(body)) \(gen(.intList, d)))"
        case 2:
            let n = name()
            let body = withVar(n, .int) { g in g.gen(.bool, d) }
            return "(builtins.filter (\(n): \(body)) \(gen(.intList, d)))"
        case 3:
            let n = name()
            let body = withVar(n, .int) { g in g.gen(.int, d) }
            return "(builtins.genList (\(n): \(body)) \(rng.below(6)))"
        case 4: return "(builtins.sort (p: q: p \(rng.pick(["<", ">"])) q) \(gen(.intList, d)))"
        case 5: return "(builtins.tail (\(gen(.intList, d)) ++ [ 0 ]))"
        case 6: return "(builtins.concatLists [ \(gen(.intList, d)) \(gen(.intList, d)) ])"
        case 7: return "(builtins.attrValues \(gen(.intSet, d)))"
        case 8: return "(builtins.partition (p: p > \(leaf(.int))) \(gen(.intList, d))).\(rng.pick(["right", "wrong"]))"
        case 9: return "(builtins.catAttrs \"\(key())\" [ \(gen(.intSet, d)) \(gen(.intSet, d)) ])"
        case 10: return "(builtins.concatMap (p: [ p (p * 2) ]) \(gen(.intList, d)))"
        case 11: return "[ \(gen(.int, d)) \(gen(.int, d)) ]"
        default: return "(map builtins.stringLength \(gen(.stringList, d)))"
        }
    }

    mutating func stringListExpr(_ d: Int) -> String {
        switch rng.below(7) {
        case 0: return "(builtins.attrNames \(gen(.intSet, d)))"
        case 1: return "(map toString \(gen(.intList, d)))"
        case 2: return "(\(gen(.stringList, d)) ++ \(gen(.stringList, d)))"
        case 3: return "(builtins.sort builtins.lessThan \(gen(.stringList, d)))"
        case 4: return "(builtins.splitVersion \(versionLiteral()))"
        case 5: return "[ \(gen(.string, d)) ]"
        default: return "(builtins.filter (p: p != \"\") \(gen(.stringList, d)))"
        }
    }

    mutating func intSetExpr(_ d: Int) -> String {
        switch rng.below(12) {
        case 0: return "(\(gen(.intSet, d)) // \(gen(.intSet, d)))"
        case 1: return "(builtins.mapAttrs (k: v: v * 2) \(gen(.intSet, d)))"
        case 2: return "(builtins.removeAttrs \(gen(.intSet, d)) [ \"\(key())\" \"\(key())\" ])"
        case 3: return "(builtins.listToAttrs [ { name = \"\(key())\"; value = \(gen(.int, d)); } { name = \"\(key())\"; value = \(gen(.int, d)); } ])"
        case 4: return "(builtins.intersectAttrs \(gen(.intSet, d)) \(gen(.intSet, d)))"
        case 5: return "(rec { a = \(gen(.int, d)); b = a + 1; c = b * 2; })"
        case 6: return "({ x.a = \(gen(.int, d)); x.b = \(gen(.int, d)); y = 0; }).x"
        case 7: return "(builtins.zipAttrsWith (k: vs: builtins.length vs) [ \(gen(.intSet, d)) \(gen(.intSet, d)) ])"
        case 8:
            let k = key()
            return "(let \(k)x = \"\(k)\"; in { ${\(k)x} = \(gen(.int, d)); })"
        case 9: return "(let src = \(gen(.intSet, d)) // { a = 1; b = 2; }; in { inherit (src) a b; })"
        case 10: return "(builtins.mapAttrs (k: v: builtins.stringLength k + v) \(gen(.intSet, d)))"
        default: return "{ a = \(gen(.int, d)); \(key())q = \(gen(.int, d)); }"
        }
    }
}
