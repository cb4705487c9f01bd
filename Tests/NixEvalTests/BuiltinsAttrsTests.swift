// Tests of the attribute-set builtins, called directly with hand-built values.
// Expected results and messages were produced by nix-instantiate 2.8.

import Testing
@testable import NixEval

@Suite struct BuiltinsAttrsTests {
    let ev = Evaluator()

    func set(_ pairs: [(String, Value)]) -> Value { ev.makeAttrs(pairs) }

    @Test("attrNames and attrValues follow byte-wise name order, not insertion or symbol order")
    func namesAndValues() throws {
        // Intern in an order different from the byte order, as a program might.
        for n in ["z", "é", "b", "a", "A"] { _ = ev.symbols.intern(n) }
        let s = set([("b", .int(1)), ("a", .int(2)), ("A", .int(3)), ("é", .int(4)), ("z", .int(5))])
        #expect(try TB.show(ev, TB.call(ev, "attrNames", s)) == #"[ "A" "a" "b" "z" "é" ]"#)
        #expect(try TB.show(ev, TB.call(ev, "attrValues", s)) == "[ 3 2 1 5 4 ]")
        #expect(TB.error { try TB.call(ev, "attrNames", .int(1)) } == "value is an integer while a set was expected")
    }

    @Test("attrValues does not force the values")
    func valuesLazy() throws {
        let r = try TB.call(ev, "attrValues", set([("a", TB.thrower("x"))]))
        #expect(try TB.show(ev, TB.call(ev, "length", r)) == "1")
    }

    @Test("getAttr and hasAttr look names up, with Nix's errors")
    func lookup() throws {
        let s = set([("a", .int(1))])
        #expect(try TB.show(ev, TB.call(ev, "getAttr", .string("a"), s)) == "1")
        #expect(try TB.show(ev, TB.call(ev, "hasAttr", .string("a"), s)) == "true")
        #expect(try TB.show(ev, TB.call(ev, "hasAttr", .string("never-interned-name"), s)) == "false")
        #expect(TB.error { try TB.call(ev, "getAttr", .string("b"), s) } == "attribute 'b' missing for call to 'getAttr'")
        #expect(TB.error { try TB.call(ev, "getAttr", .int(1), .int(2)) } == "value is an integer while a string was expected")
        #expect(TB.error { try TB.call(ev, "hasAttr", .string("a"), .int(1)) } == "value is an integer while a set was expected")
        let ctx = Value.string(NixString("/s/x.drv", context: StringContext("=/s/x.drv")))
        #expect(TB.error { try TB.call(ev, "hasAttr", ctx, s) }
            == "the string '/s/x.drv' is not allowed to refer to a store path (such as '=/s/x.drv')")
    }

    @Test("removeAttrs drops listed names and ignores unknown ones")
    func removeAttrs() throws {
        let s = set([("a", .int(1)), ("b", .int(2))])
        #expect(try TB.show(ev, TB.call(ev, "removeAttrs", s, .list([.string("a"), .string("c")]))) == "{ b = 2; }")
        #expect(TB.error { try TB.call(ev, "removeAttrs", s, .list([.int(1)])) } == "value is an integer while a string was expected")
        #expect(TB.error { try TB.call(ev, "removeAttrs", s, .string("a")) } == "value is a string while a list was expected")
        #expect(TB.error { try TB.call(ev, "removeAttrs", .int(1), .int(2)) } == "value is an integer while a set was expected")
    }

    @Test("intersectAttrs keeps the second set's values for names in the first")
    func intersect() throws {
        let r = try TB.call(ev, "intersectAttrs", set([("a", .int(1)), ("b", .int(2))]), set([("b", .int(3)), ("c", .int(4))]))
        #expect(try TB.show(ev, r) == "{ b = 3; }")
    }

    @Test("catAttrs collects the named attribute from the sets that have it")
    func catAttrs() throws {
        let l = Value.list([set([("a", .int(1))]), set([("b", .int(2))]), set([("a", .int(3))])])
        #expect(try TB.show(ev, TB.call(ev, "catAttrs", .string("a"), l)) == "[ 1 3 ]")
        #expect(TB.error { try TB.call(ev, "catAttrs", .string("a"), TB.ints([1])) } == "value is an integer while a set was expected")
        #expect(TB.error { try TB.call(ev, "catAttrs", .int(1), .int(2)) } == "value is an integer while a string was expected")
    }

    @Test("mapAttrs applies the function to name and value lazily")
    func mapAttrs() throws {
        let f = TB.fn2 { ev, n, v in .list([n, .int(try ev.forceInt(v, at: .none) * 10)]) }
        #expect(try TB.show(ev, TB.call(ev, "mapAttrs", f, set([("a", .int(1)), ("b", .int(2))])))
            == #"{ a = [ "a" 10 ]; b = [ "b" 20 ]; }"#)
        let boom = TB.fn2 { _, _, _ in throw CatchableError("x", at: .none) }
        let r = try TB.call(ev, "mapAttrs", boom, set([("a", .int(1))]))
        #expect(try TB.show(ev, TB.call(ev, "attrNames", r)) == #"[ "a" ]"#)
        #expect(try TB.show(ev, TB.call(ev, "mapAttrs", .int(1), set([])))  == "{ }")
        #expect(TB.error { try TB.show(ev, TB.call(ev, "mapAttrs", .int(1), set([("a", .int(1))]))) }
            == "attempt to call something which is not a function but an integer")
    }

    @Test("zipAttrsWith gives each name the list of its values in list order")
    func zipAttrsWith() throws {
        let f = TB.fn2 { _, n, v in .list([n, v]) }
        let l = Value.list([set([("a", .int(1))]), set([("a", .int(2)), ("b", .int(3))])])
        #expect(try TB.show(ev, TB.call(ev, "zipAttrsWith", f, l)) == #"{ a = [ "a" [ 1 2 ] ]; b = [ "b" [ 3 ] ]; }"#)
        #expect(TB.error { try TB.call(ev, "zipAttrsWith", .int(1), .list([])) } == "value is an integer while a function was expected")
        #expect(TB.error { try TB.call(ev, "zipAttrsWith", f, .list([set([]), .int(1)])) } == "value is an integer while a set was expected")
    }

    @Test("listToAttrs keeps the first of equal names and checks name and value")
    func listToAttrs() throws {
        func entry(_ n: String, _ v: Int) -> Value { set([("name", .string(n)), ("value", .int(v))]) }
        #expect(try TB.show(ev, TB.call(ev, "listToAttrs", .list([entry("a", 1), entry("b", 2), entry("a", 3)])))
            == "{ a = 1; b = 2; }")
        // A later duplicate needs no value at all, as in Nix.
        #expect(try TB.show(ev, TB.call(ev, "listToAttrs", .list([entry("a", 1), set([("name", .string("a"))])]))) == "{ a = 1; }")
        #expect(TB.error { try TB.call(ev, "listToAttrs", .list([set([("value", .int(1))])])) }
            == "attribute 'name' missing for call to 'listToAttrs'")
        #expect(TB.error { try TB.call(ev, "listToAttrs", .list([set([("name", .string("a"))])])) }
            == "attribute 'value' missing for call to 'listToAttrs'")
        #expect(TB.error { try TB.call(ev, "listToAttrs", .list([set([("name", .int(1)), ("value", .int(1))])])) }
            == "value is an integer while a string was expected")
        #expect(TB.error { try TB.call(ev, "listToAttrs", .int(1)) } == "value is an integer while a list was expected")
    }

    @Test("listToAttrs builds a set of 200,000 names")
    func listToAttrsLarge() throws {
        let n = 200_000
        let l = Value.list((0..<n).map { i in set([("name", .string("n\(i % 150_000)")), ("value", .int(i))]) })
        let r = try ev.forceAttrs(try TB.call(ev, "listToAttrs", l), at: .none)
        #expect(r.count == 150_000)
        #expect(try TB.show(ev, TB.call(ev, "getAttr", .string("n7"), .attrs(r))) == "7")
    }

    func closureStart(_ keys: [Value], op: Value) -> Value {
        set([("startSet", .list(keys.map { set([("key", $0)]) })), ("operator", op)])
    }

    @Test("genericClosure visits each key once, in work-list order")
    func genericClosure() throws {
        // operator: key k < 5 yields keys 2k and 2k+1 and k again.
        let op = TB.fn { ev, item in
            let a = try ev.forceAttrs(item, at: .none)
            let k = try ev.forceInt(a[ev.symbols.intern("key")] ?? .null, at: .none)
            if k >= 5 { return .list([]) }
            return .list([2 * k, 2 * k + 1, k].map { ev.makeAttrs([("key", .int($0))]) })
        }
        let r = try TB.call(ev, "genericClosure", closureStart([.int(1)], op: op))
        #expect(try TB.show(ev, r) == "[ { key = 1; } { key = 2; } { key = 3; } { key = 4; } { key = 5; } { key = 6; } { key = 7; } { key = 8; } { key = 9; } ]")
        let none = TB.fn { _, _ in .list([]) }
        #expect(try TB.show(ev, TB.call(ev, "genericClosure", closureStart([.string("b"), .string("a"), .string("b")], op: none)))
            == #"[ { key = "b"; } { key = "a"; } ]"#)
        #expect(try TB.show(ev, TB.call(ev, "genericClosure", closureStart([.bool(true)], op: none))) == "[ { key = true; } ]")
    }

    @Test("genericClosure reports missing attributes and wrong types as Nix does")
    func genericClosureErrors() {
        let none = TB.fn { _, _ in .list([]) }
        #expect(TB.error { try TB.call(ev, "genericClosure", set([("operator", none)])) }
            == "attribute 'startSet' missing for call to 'genericClosure'")
        #expect(TB.error { try TB.call(ev, "genericClosure", set([("startSet", .list([]))])) }
            == "attribute 'operator' missing for call to 'genericClosure'")
        #expect(TB.error { try TB.call(ev, "genericClosure", set([("startSet", .list([set([("ky", .int(1))])])), ("operator", none)])) }
            == "attribute 'key' required")
        #expect(TB.error { try TB.call(ev, "genericClosure", closureStart([.int(1)], op: TB.fn { _, _ in .int(1) })) }
            == "value is an integer while a list was expected")
        #expect(TB.error { try TB.call(ev, "genericClosure", closureStart([.int(1)], op: .int(1))) }
            == "attempt to call something which is not a function but an integer")
        #expect(TB.error { try TB.call(ev, "genericClosure", set([("startSet", .int(1)), ("operator", none)])) }
            == "value is an integer while a list was expected")
    }
}

/// The same builtins through the whole evaluator, against nix-instantiate's output.
@Suite struct BuiltinsAttrsEvalTests {
    @Test("attribute builtins evaluate as in nix-instantiate", arguments: [
        ("builtins.genericClosure { startSet = [{key = 1;} {key = 1.0;} {key = \"a\";}]; operator = x: []; }",
         "error: cannot compare a string with an integer"),
        ("builtins.genericClosure { startSet = [{key = 2;} {key = 1.5;} {key = 1;} {key = 2.0;}]; operator = x: []; }",
         "[ { key = 2; } { key = 1.5; } { key = 1; } ]"),
        ("builtins.genericClosure { startSet = [{key = [1 \"a\"];} {key = [1 \"a\"];} {key = [2];}]; operator = x: []; }",
         #"[ { key = [ 1 "a" ]; } { key = [ 2 ]; } ]"#),
        ("builtins.genericClosure { startSet = [{key = 1;}]; operator = x: if x.key < 5 then [{key = x.key + 1;}] else []; }",
         "[ { key = 1; } { key = 2; } { key = 3; } { key = 4; } { key = 5; } ]"),
        ("builtins.mapAttrs (n: v: n + toString v) { a = 1; b = 2; }", #"{ a = "a1"; b = "b2"; }"#),
        ("builtins.attrNames { b = 1; a = 2; \"é\" = 3; A = 4; }", #"[ "A" "a" "b" "é" ]"#),
        ("builtins.listToAttrs [{name = \"a\"; value = 1;} {name = \"a\"; value = 2;} {name = \"b\"; value = 3;}]", "{ a = 1; b = 3; }"),
        ("builtins.length (builtins.attrNames (builtins.listToAttrs (builtins.genList (i: { name = \"n${toString i}\"; value = i; }) 200000)))",
         "200000"),
    ])
    func evaluated(expr: String, expected: String) {
        #expect(TB.eval(expr) == expected)
    }
}
