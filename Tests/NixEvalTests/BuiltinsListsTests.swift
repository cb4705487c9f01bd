// Tests of the list builtins, called directly with hand-built values.
// Expected results and messages were produced by nix-instantiate 2.8.

import Testing
@testable import NixEval

@Suite struct BuiltinsListsTests {
    let ev = Evaluator()
    let addOne = TB.fn { ev, x in .int(try ev.forceInt(x, at: .none) + 1) }
    let isOdd = TB.fn { ev, x in .bool(try ev.forceInt(x, at: .none) % 2 != 0) }
    let intLess = TB.fn2 { ev, a, b in .bool(try ev.forceInt(a, at: .none) < ev.forceInt(b, at: .none)) }

    @Test("map applies the function to every element")
    func mapApplies() throws {
        #expect(try TB.show(ev, TB.call(ev, "map", addOne, TB.ints([1, 2, 3]))) == "[ 2 3 4 ]")
    }

    @Test("map is lazy in its elements: length (map throw [1]) is 1")
    func mapLazy() throws {
        let thrower = TB.fn { _, _ in throw CatchableError("boom", at: .none) }
        let r = try TB.call(ev, "map", thrower, TB.ints([1]))
        #expect(try TB.show(ev, TB.call(ev, "length", r)) == "1")
        #expect(TB.error { try TB.show(ev, r) } == "boom")
    }

    @Test("map does not check its function when the list is empty, like map 1 []")
    func mapEmpty() throws {
        #expect(try TB.show(ev, TB.call(ev, "map", .int(1), .list([]))) == "[ ]")
        #expect(TB.error { try TB.call(ev, "map", addOne, .int(1)) } == "value is an integer while a list was expected")
    }

    @Test("filter keeps elements whose predicate is true and does not force the others")
    func filterKeeps() throws {
        #expect(try TB.show(ev, TB.call(ev, "filter", isOdd, TB.ints([1, 2, 3, 4, 5]))) == "[ 1 3 5 ]")
        let yes = TB.fn { _, _ in .bool(true) }
        let r = try TB.call(ev, "filter", yes, .list([.int(1), TB.thrower("elem"), .int(3)]))
        #expect(try TB.show(ev, TB.call(ev, "length", r)) == "3")
    }

    @Test("filter reports a predicate that is not a function or returns no Boolean")
    func filterErrors() {
        #expect(TB.error { try TB.call(ev, "filter", .int(1), .list([])) } == "value is an integer while a function was expected")
        #expect(TB.error { try TB.call(ev, "filter", TB.fn { _, _ in .int(1) }, TB.ints([1])) }
            == "value is an integer while a Boolean was expected")
    }

    @Test("head, tail and elemAt index like Nix, with its out-of-bounds messages")
    func indexing() throws {
        #expect(try TB.show(ev, TB.call(ev, "head", TB.ints([7, 8]))) == "7")
        #expect(try TB.show(ev, TB.call(ev, "tail", TB.ints([7, 8, 9]))) == "[ 8 9 ]")
        #expect(try TB.show(ev, TB.call(ev, "elemAt", TB.ints([7, 8, 9]), .int(2))) == "9")
        #expect(TB.error { try TB.call(ev, "head", .list([])) } == "list index 0 is out of bounds")
        #expect(TB.error { try TB.call(ev, "tail", .list([])) } == "'tail' called on an empty list")
        #expect(TB.error { try TB.call(ev, "elemAt", TB.ints([1]), .int(3)) } == "list index 3 is out of bounds")
        #expect(TB.error { try TB.call(ev, "elemAt", TB.ints([1]), .int(-1)) } == "list index -1 is out of bounds")
        #expect(TB.error { try TB.call(ev, "elemAt", .int(1), .string("a")) } == "value is a string while an integer was expected")
        #expect(TB.error { try TB.call(ev, "head", .int(1)) } == "value is an integer while a list was expected")
    }

    @Test("tail leaves the remaining elements unevaluated")
    func tailLazy() throws {
        let r = try TB.call(ev, "tail", .list([TB.thrower("x"), .int(2), TB.thrower("y")]))
        #expect(try TB.show(ev, TB.call(ev, "length", r)) == "2")
    }

    @Test("concatLists and concatMap join lists in order")
    func concatenation() throws {
        let nested = Value.list([TB.ints([1, 2]), .list([]), TB.ints([3])])
        #expect(try TB.show(ev, TB.call(ev, "concatLists", nested)) == "[ 1 2 3 ]")
        let twice = TB.fn { _, x in .list([x, x]) }
        #expect(try TB.show(ev, TB.call(ev, "concatMap", twice, TB.ints([1, 2]))) == "[ 1 1 2 2 ]")
        #expect(TB.error { try TB.call(ev, "concatLists", TB.ints([1])) } == "value is an integer while a list was expected")
        #expect(TB.error { try TB.call(ev, "concatMap", .int(1), .list([])) } == "value is an integer while a function was expected")
    }

    @Test("foldl' folds from the left and forces only what the function uses")
    func foldlStrict() throws {
        let minus = TB.fn2 { ev, a, b in .int(try ev.forceInt(a, at: .none) - ev.forceInt(b, at: .none)) }
        #expect(try TB.show(ev, TB.call(ev, "foldl'", minus, .int(100), TB.ints([1, 2, 3]))) == "94")
        let second = TB.fn2 { _, _, b in b }
        #expect(try TB.show(ev, TB.call(ev, "foldl'", second, TB.thrower("x"), TB.ints([1]))) == "1")
        #expect(TB.error { try TB.call(ev, "foldl'", second, TB.thrower("x"), .list([])) } == "x")
        #expect(TB.error { try TB.call(ev, "foldl'", .int(1), .int(0), .list([])) } == "value is an integer while a function was expected")
    }

    @Test("foldl' over 300,000 elements completes without recursion")
    func foldlLong() throws {
        let plus = TB.fn2 { ev, a, b in .int(try ev.forceInt(a, at: .none) + ev.forceInt(b, at: .none)) }
        let list = try TB.call(ev, "genList", TB.fn { _, i in i }, .int(300_000))
        #expect(try TB.show(ev, TB.call(ev, "foldl'", plus, .int(0), list)) == "44999850000")
    }

    @Test("genList builds lazy elements and rejects negative sizes")
    func genList() throws {
        #expect(try TB.show(ev, TB.call(ev, "genList", addOne, .int(4))) == "[ 1 2 3 4 ]")
        #expect(try TB.show(ev, TB.call(ev, "length", TB.call(ev, "genList", .int(1), .int(2)))) == "2")
        #expect(try TB.show(ev, TB.call(ev, "genList", .int(1), .int(0))) == "[ ]")
        #expect(TB.error { try TB.call(ev, "genList", addOne, .int(-1)) } == "cannot create list of size -1")
        #expect(TB.error { try TB.call(ev, "genList", addOne, .string("a")) } == "value is a string while an integer was expected")
    }

    @Test("sort orders with the comparator and is stable")
    func sortBasic() throws {
        #expect(try TB.show(ev, TB.call(ev, "sort", intLess, TB.ints([3, 1, 2, 3, 1]))) == "[ 1 1 2 3 3 ]")
        #expect(TB.error { try TB.call(ev, "sort", .int(1), .list([])) } == "value is an integer while a function was expected")
        #expect(TB.error { try TB.call(ev, "sort", TB.fn2 { _, _, _ in .int(1) }, TB.ints([1, 2])) }
            == "value is an integer while a Boolean was expected")
        #expect(TB.error { try TB.call(ev, "sort", intLess, .list([.int(1), TB.thrower("elem")])) } == "elem")
    }

    static let sample = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 15, 11, 23, 12, 27, 14, 31, 19, 10, 13, 22, 17, 30, 18, 25, 21, 16, 29, 24, 26, 20, 28]

    static func weird(_ a: Int, _ b: Int) -> Bool { (a * 7 + b * 3) % 5 < 2 }

    @Test("sort matches Nix for comparators that are not strict orders",
          arguments: [
            ("true", "[ 28 20 26 24 29 16 21 25 18 30 17 22 13 10 19 31 14 27 12 23 11 15 0 4 6 8 2 7 1 9 3 5 ]"),
            ("false", "[ 5 3 9 1 7 2 8 6 4 0 15 11 23 12 27 14 31 19 10 13 22 17 30 18 25 21 16 29 24 26 20 28 ]"),
            ("weird", "[ 1 28 3 20 30 5 17 22 27 12 2 7 24 29 19 14 4 9 16 21 31 6 18 13 8 25 10 15 0 26 11 23 ]"),
            ("le10", "[ 0 4 6 8 2 7 1 9 3 5 16 18 17 13 10 19 14 12 11 15 28 20 26 24 29 21 25 22 27 23 30 31 ]"),
            ("lt10", "[ 5 3 9 1 7 2 8 6 4 0 15 11 12 14 19 10 13 17 18 16 23 27 22 25 21 29 24 26 20 28 31 30 ]"),
          ])
    func sortOddComparators(name: String, expected: String) throws {
        let f: (Int, Int) -> Bool
        switch name {
        case "true": f = { _, _ in true }
        case "false": f = { _, _ in false }
        case "weird": f = BuiltinsListsTests.weird
        case "le10": f = { $0 / 10 <= $1 / 10 }
        default: f = { $0 / 10 < $1 / 10 }
        }
        let cmp = TB.fn2 { ev, a, b in .bool(f(try ev.forceInt(a, at: .none), try ev.forceInt(b, at: .none))) }
        #expect(try TB.show(ev, TB.call(ev, "sort", cmp, TB.ints(BuiltinsListsTests.sample))) == expected)
    }

    @Test("sort matches Nix on every size around the insertion-sort chunk of 7",
          arguments: [
            (1, "[ 11 ]"), (2, "[ 11 2 ]"), (3, "[ 11 2 16 ]"), (7, "[ 21 16 11 12 7 2 3 ]"),
            (8, "[ 21 16 11 12 7 2 3 17 ]"), (9, "[ 21 16 11 17 12 7 2 8 3 ]"),
            (14, "[ 21 16 11 22 17 12 7 2 13 8 3 4 18 9 ]"), (15, "[ 21 16 11 17 12 7 2 18 13 8 3 22 9 4 0 ]"),
            (16, "[ 21 16 11 17 12 7 2 18 13 8 3 22 14 9 4 0 ]"), (17, "[ 21 16 11 5 0 22 17 12 7 2 13 4 18 8 3 14 9 ]"),
          ])
    func sortSizes(n: Int, expected: String) throws {
        let list = TB.ints((0..<n).map { ($0 * 37 + 11) % 23 })
        let cmp = TB.fn2 { ev, a, b in
            .bool(BuiltinsListsTests.weird(try ev.forceInt(a, at: .none), try ev.forceInt(b, at: .none)))
        }
        #expect(try TB.show(ev, TB.call(ev, "sort", cmp, list)) == expected)
    }

    @Test("partition splits into right and wrong, forcing elements")
    func partition() throws {
        #expect(try TB.show(ev, TB.call(ev, "partition", isOdd, TB.ints([1, 2, 3, 4, 1])))
            == "{ right = [ 1 3 1 ]; wrong = [ 2 4 ]; }")
        let yes = TB.fn { _, _ in .bool(true) }
        #expect(TB.error { try TB.call(ev, "partition", yes, .list([.int(1), TB.thrower("elem")])) } == "elem")
    }

    @Test("groupBy groups by name in list order and rejects non-strings")
    func groupBy() throws {
        let size = TB.fn { ev, x in .string(try ev.forceInt(x, at: .none) > 2 ? "big" : "small") }
        #expect(try TB.show(ev, TB.call(ev, "groupBy", size, TB.ints([1, 2, 3, 4, 1])))
            == "{ big = [ 3 4 ]; small = [ 1 2 1 ]; }")
        #expect(TB.error { try TB.call(ev, "groupBy", TB.fn { _, _ in .int(1) }, TB.ints([1])) }
            == "value is an integer while a string was expected")
        let withContext = TB.fn { _, _ in .string(NixString("/s/abc", context: StringContext("/s/abc"))) }
        #expect(TB.error { try TB.call(ev, "groupBy", withContext, TB.ints([1])) }
            == "the string '/s/abc' is not allowed to refer to a store path (such as '/s/abc')")
    }

    @Test("all and any stop at the first deciding element")
    func allAny() throws {
        #expect(try TB.show(ev, TB.call(ev, "all", isOdd, TB.ints([1, 3]))) == "true")
        #expect(try TB.show(ev, TB.call(ev, "all", isOdd, .list([.int(2), TB.thrower("x")]))) == "false")
        #expect(try TB.show(ev, TB.call(ev, "any", isOdd, .list([.int(1), TB.thrower("x")]))) == "true")
        #expect(try TB.show(ev, TB.call(ev, "any", isOdd, TB.ints([2, 4]))) == "false")
        #expect(TB.error { try TB.call(ev, "all", .int(1), .list([])) } == "value is an integer while a function was expected")
        #expect(TB.error { try TB.call(ev, "any", .int(1), .list([])) } == "value is an integer while a function was expected")
    }

    @Test("length counts elements without forcing them")
    func length() throws {
        #expect(try TB.show(ev, TB.call(ev, "length", .list([TB.thrower("a"), TB.thrower("b")]))) == "2")
        #expect(TB.error { try TB.call(ev, "length", .int(1)) } == "value is an integer while a list was expected")
    }
}

/// The same builtins through the whole evaluator, against nix-instantiate's output.
@Suite struct BuiltinsListsEvalTests {
    @Test("list builtins evaluate as in nix-instantiate", arguments: [
        ("builtins.elem 1 [2 1.0]", "true"),
        ("builtins.elem { a = 1; } [{ a = 1; }]", "true"),
        ("builtins.elem 1 [(throw \"e\") 1]", "error: e"),
        ("builtins.elem 1 [1 (throw \"e\")]", "true"),
        ("builtins.sort (a: b: a.k < b.k) [{k=2; v=\"a\";} {k=1; v=\"b\";} {k=2; v=\"c\";} {k=1; v=\"d\";}]",
         #"[ { k = 1; v = "b"; } { k = 1; v = "d"; } { k = 2; v = "a"; } { k = 2; v = "c"; } ]"#),
        ("builtins.sort builtins.lessThan [\"b\" \"a\" \"c\"]", #"[ "a" "b" "c" ]"#),
        ("map (x: x.a) [1]", "error: value is an integer while a set was expected"),
        ("builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 100)", "4950"),
        ("builtins.concatMap (x: [x x]) [1 2]", "[ 1 1 2 2 ]"),
        ("builtins.groupBy (x: if x > 2 then \"big\" else \"small\") [1 2 3 4 1]", "{ big = [ 3 4 ]; small = [ 1 2 1 ]; }"),
        ("builtins.partition (x: x > 2) [1 2 3 4 1]", "{ right = [ 3 4 ]; wrong = [ 1 2 1 ]; }"),
        ("builtins.length (map throw [1])", "1"),
    ])
    func evaluated(expr: String, expected: String) {
        #expect(TB.eval(expr) == expected)
    }

    @Test("foldl' sums a genList of 3,000,000 elements")
    func bigFold() {
        #expect(TB.eval("builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 3000000)") == "4499998500000")
    }
}
