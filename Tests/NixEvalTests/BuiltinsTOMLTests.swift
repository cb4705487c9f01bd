// fromTOML against nix-instantiate 2.8: every kind of value, tables and
// arrays of tables with the redefinition rules of Nix's TOML library,
// numbers at the 64-bit limits, and documents Nix refuses.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsTOMLTests {
    typealias H = StringBuiltinsHarness

    /// (document, what nix-instantiate prints for fromTOML of it; for a refused document the
    /// start of the error, since the wording of TOML syntax errors is Roost's own)
    static let cases: [(String, String)] = [
        ("a = 1\u{a}", "{ a = 1; }"),
        ("a = 0x10\u{a}b = 0o17\u{a}c = 0b101\u{a}d = 1_000\u{a}e = +5\u{a}f = -0\u{a}g = 3.14\u{a}h = -inf\u{a}i = nan\u{a}j = 1e10\u{a}k = true\u{a}l = \"s\\u00e9\"\u{a}m = 'lit'\u{a}n = \"\"\"\u{a}multi\u{a}line\"\"\"\u{a}o = [1, \"a\", [2]]\u{a}p = {x = 1, y.z = 2}\u{a}", "{ a = 16; b = 15; c = 5; d = 1000; e = 5; f = 0; g = 3.14; h = -inf; i = nan; j = 1e+10; k = true; l = \"sé\"; m = \"lit\"; n = \"multi\\nline\"; o = [ 1 \"a\" [ 2 ] ]; p = { x = 1; y = { z = 2; }; }; }"),
        ("[a.b]\u{a}c = 1\u{a}[[arr]]\u{a}x = 1\u{a}[[arr]]\u{a}x = 2\u{a}", "{ a = { b = { c = 1; }; }; arr = [ { x = 1; } { x = 2; } ]; }"),
        ("a = 1\u{a}a = 2\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}[a]\u{a}", "error: while parsing a TOML string: "),
        ("a = 9223372036854775808\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 01\u{a}", "error: while parsing a TOML string: "),
        ("a = 1__0\u{a}", "error: while parsing a TOML string: "),
        ("a.b = 1\u{a}[a]\u{a}", "{ a = { b = 1; }; }"),
        ("[a.b]\u{a}[a]\u{a}c=1\u{a}", "{ a = { b = { }; c = 1; }; }"),
        ("a = {x=1}\u{a}[a.y]\u{a}", "error: while parsing a TOML string: "),
        ("a = [1]\u{a}[[a]]\u{a}", "error: while parsing a TOML string: "),
        ("a = \"\\x\"\u{a}", "error: while parsing a TOML string: "),
        ("a = 1 b = 2\u{a}", "error: while parsing a TOML string: "),
        ("a = nan\u{a}b = -nan\u{a}c = +inf\u{a}", "{ a = nan; b = -nan; c = inf; }"),
        ("a = 1.\u{a}", "error: while parsing a TOML string: "),
        ("a = .5\u{a}", "error: while parsing a TOML string: "),
        ("a = 1e\u{a}", "error: while parsing a TOML string: "),
        ("a = 0x\u{a}", "error: while parsing a TOML string: "),
        ("a = -0x1\u{a}", "error: while parsing a TOML string: "),
        ("\"\" = 1\u{a}", "{ \"\" = 1; }"),
        ("a = { }\u{a}", "{ a = { }; }"),
        ("a = {x = 1,}\u{a}", "error: while parsing a TOML string: "),
        ("a = [\u{a}1, # c\u{a}2,\u{a}]\u{a}", "{ a = [ 1 2 ]; }"),
        ("a = -9223372036854775809\u{a}", "{ a = -9223372036854775808; }"),
        ("a = 99999999999999999999\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 0xFFFFFFFFFFFFFFFF\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 1e400\u{a}", "{ a = 1.79769e+308; }"),
        ("a = -1e400\u{a}", "{ a = -1.79769e+308; }"),
        ("a = 1e-400\u{a}", "{ a = 0; }"),
        ("a = 1e07\u{a}", "{ a = 1e+07; }"),
        ("a = 0.1_5\u{a}", "{ a = 0.15; }"),
        ("a = 00.5\u{a}", "error: while parsing a TOML string: "),
        ("a = 0e0\u{a}", "{ a = 0; }"),
        ("a = -0.0\u{a}", "{ a = -0; }"),
        ("a = 1979-05-27\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 07:32:00\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 1979-05-27 07:32:00\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 1979-05-27T07:32:00.999-07:00\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 0xabc_DEF\u{a}", "{ a = 11259375; }"),
        ("a = \"\\U0001F600 \\u00e9 \\t\\\\\"\u{a}", "{ a = \"😀 é \\t\\\\\"; }"),
        ("a = '''\u{a}x'''\u{a}", "{ a = \"x\"; }"),
        ("a = \"\"\"\\\u{a}   b  \\\u{a}  c\"\"\"\u{a}", "{ a = \"b  c\"; }"),
        ("a = \"\"\"a\"\"\"\"\u{a}", "{ a = \"a\\\"\"; }"),
        ("a = \"\"\"a\"\"\"\"\"\u{a}", "{ a = \"a\\\"\\\"\"; }"),
        ("a = ''''a'''\u{a}", "{ a = \"'a\"; }"),
        ("a = \"\\ud800\"\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}b.c = 1\u{a}[a.b]\u{a}", "{ a = { b = { c = 1; }; }; }"),
        ("[a]\u{a}b = 1\u{a}[a.b]\u{a}", "error: while parsing a TOML string: "),
        ("[a.b.c]\u{a}[a.b]\u{a}[a]\u{a}", "{ a = { b = { c = { }; }; }; }"),
        ("[[a]]\u{a}[a.b]\u{a}c=1\u{a}[[a]]\u{a}[a.b]\u{a}c=2\u{a}", "{ a = [ { b = { c = 1; }; } { b = { c = 2; }; } ]; }"),
        ("[[a.b]]\u{a}[a]\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}[[a.b]]\u{a}[[a.b]]\u{a}x=1\u{a}", "{ a = { b = [ { } { x = 1; } ]; }; }"),
        ("a.b.c = 1\u{a}a.b.d = 2\u{a}a.e = 3\u{a}", "{ a = { b = { c = 1; d = 2; }; e = 3; }; }"),
        ("a.b = 1\u{a}a.b.c = 2\u{a}", "error: while parsing a TOML string: "),
        ("a = {b = {c = 1}}\u{a}a.b.d = 2\u{a}", "error: while parsing a TOML string: "),
        ("a = {b = 1, b = 2}\u{a}", "error: while parsing a TOML string: "),
        ("a = {b.c = 1, b.d = 2}\u{a}", "{ a = { b = { c = 1; d = 2; }; }; }"),
        ("a = {b = {c=1}, b.d = 2}\u{a}", "error: while parsing a TOML string: "),
        ("\"a.b\" = 1\u{a}'c d' = 2\u{a}\"\" = 3\u{a}", "{ \"\" = 3; \"a.b\" = 1; \"c d\" = 2; }"),
        ("a . b = 1\u{a}", "{ a = { b = 1; }; }"),
        ("1234 = 5\u{a}true = 6\u{a}-_- = 7\u{a}", "{ \"-_-\" = 7; \"1234\" = 5; true = 6; }"),
        ("a = \"\"\"\"\"\"\u{a}", "{ a = \"\"; }"),
        ("a = ''''''\u{a}", "{ a = \"\"; }"),
        ("a = \"\"\u{a}", "{ a = \"\"; }"),
        ("a = \"a\\\"b\"\u{a}", "{ a = \"a\\\"b\"; }"),
        ("a = \"\\b\\f\\n\\r\\t\"\u{a}", "{ a = \"\u{8}\u{c}\\n\\r\\t\"; }"),
        ("a = [ ]\u{a}", "{ a = [ ]; }"),
        ("a = [[], [[]]]\u{a}", "{ a = [ [ ] [ [ ] ] ]; }"),
        ("a = [1,,2]\u{a}", "error: while parsing a TOML string: "),
        ("a = [,]\u{a}", "error: while parsing a TOML string: "),
        ("a = {a=1\u{a}}\u{a}", "error: while parsing a TOML string: "),
        ("a = [{a=1}, {b=2}]\u{a}", "{ a = [ { a = 1; } { b = 2; } ]; }"),
        ("# only comment\u{a}\u{a}\u{a}\u{a}", "{ }"),
        ("\u{a}", "{ }"),
        ("a = 1 # comment\u{a}", "{ a = 1; }"),
        ("a=1\u{d}\u{a}b=2\u{d}\u{a}\u{a}", "{ a = 1; b = 2; }"),
        ("a = tru\u{a}", "error: while parsing a TOML string: "),
        ("a = True\u{a}", "error: while parsing a TOML string: "),
        ("a = inf\u{a}b = -inf\u{a}c = +nan\u{a}", "{ a = inf; b = -inf; c = nan; }"),
        ("a = 1_000_000\u{a}", "{ a = 1000000; }"),
        ("a = _1\u{a}", "error: while parsing a TOML string: "),
        ("a = 1_\u{a}", "error: while parsing a TOML string: "),
        ("a = 0_1\u{a}", "error: while parsing a TOML string: "),
        ("a = +0x1\u{a}", "error: while parsing a TOML string: "),
        ("a = 0X1\u{a}", "error: while parsing a TOML string: "),
        ("a = 1.0e+2\u{a}", "{ a = 100; }"),
        ("a = 1.0E-2\u{a}", "{ a = 0.01; }"),
        ("a = 1.5_e2\u{a}", "error: while parsing a TOML string: "),
        ("a = 6.02e23\u{a}", "{ a = 6.02e+23; }"),
        ("a = 3.\u{a}", "error: while parsing a TOML string: "),
        ("a = 1e1_0\u{a}", "{ a = 1e+10; }"),
        ("a = 0.0001\u{a}", "{ a = 0.0001; }"),
        ("a = 123456789012345678901234567890.0\u{a}", "{ a = 1.23457e+29; }"),
        ("a = 5e-324\u{a}", "{ a = 4.94066e-324; }"),
        ("a = \"tab\u{9}here\"\u{a}", "{ a = \"tab\\there\"; }"),
        ("a = 'tab\u{9}here'\u{a}", "{ a = \"tab\\there\"; }"),
        ("a = \"é😀\"\u{a}", "{ a = \"é😀\"; }"),
        ("[a]\u{a}x=1\u{a}[b]\u{a}y=2\u{a}[a.c]\u{a}z=3\u{a}", "{ a = { c = { z = 3; }; x = 1; }; b = { y = 2; }; }"),
        ("[ a . b ]\u{a}c = 1\u{a}", "{ a = { b = { c = 1; }; }; }"),
        ("[a]\u{a}[ b ]\u{a}", "{ a = { }; b = { }; }"),
        ("[[ a ]]\u{a}[[a]]\u{a}", "{ a = [ { } { } ]; }"),
        ("a = 1\u{a}[a]\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}b = 1\u{a}[a]\u{a}c = 2\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}\u{a}", "{ a = { }; }"),
        ("[]\u{a}", "error: while parsing a TOML string: "),
        ("[a.]\u{a}", "error: while parsing a TOML string: "),
        ("a =\u{a}", "error: while parsing a TOML string: "),
        ("= 1\u{a}", "error: while parsing a TOML string: "),
        ("a = \"\\u0000x\"\u{a}", "{ a = \"\"; }"),
        ("a = 1979-05-27T07:32:00Z\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 1979-05-27T07:32\u{a}", "error: while parsing a TOML string: "),
        ("a = 07:32\u{a}", "error: while parsing a TOML string: "),
        ("a = 1979-13-45\u{a}", "error: while parsing a TOML string: "),
        ("x = 1\u{a}y = [1979-05-27]\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = \"\"\"\u{a}foo\\\u{a}\u{a}   bar\"\"\"\u{a}", "{ a = \"foobar\"; }"),
        ("a = \"x\" \"y\"\u{a}", "error: while parsing a TOML string: "),
        ("a = [1 2]\u{a}", "error: while parsing a TOML string: "),
        ("key = \"value\"\u{a}[table]\u{a}key = 1\u{a}[table.sub]\u{a}k2 = [1, 2, 3]\u{a}[[aot]]\u{a}n = 1\u{a}[[aot]]\u{a}n = 2\u{a}[[aot.sub]]\u{a}q = 1\u{a}", "{ aot = [ { n = 1; } { n = 2; sub = [ { q = 1; } ]; } ]; key = \"value\"; table = { key = 1; sub = { k2 = [ 1 2 3 ]; }; }; }"),
        ("a = {x = [1, {y = 2}], z.w = \"s\"}\u{a}", "{ a = { x = [ 1 { y = 2; } ]; z = { w = \"s\"; }; }; }"),
        ("a.b = {c = 1}\u{a}a.b.d = 2\u{a}", "error: while parsing a TOML string: "),
        ("[a]\u{a}b = {c = 1}\u{a}[a.b.d]\u{a}", "error: while parsing a TOML string: "),
        ("a = 1\u{a}\u{a}\u{a}[b]\u{a}\u{a}\u{a}c = 2\u{a}", "{ a = 1; b = { c = 2; }; }"),
    ]

    @Test("fromTOML gives Nix's values, and refuses what Nix refuses")
    func agreesWithNix() {
        let ev = Evaluator()
        for (document, expected) in Self.cases {
            let got = H.eval("fromTOML", .string(document), in: ev)
            if expected.hasSuffix("TOML string: ") {
                #expect(got.hasPrefix(expected), "fromTOML \(document.debugDescription) gave \(got)")
            } else {
                #expect(got == expected, "fromTOML \(document.debugDescription)")
            }
        }
    }

    @Test("TOML syntax errors name the line and column")
    func errorPositions() {
        #expect(H.eval("fromTOML", .string("a = 1\nb = \n")) == "error: while parsing a TOML string: line 2, column 5: expected a value after '=', found the end of the line")
        #expect(H.eval("fromTOML", .string("a = 1\na = 2\n")) == "error: while parsing a TOML string: line 2, column 1: key 'a' is defined twice")
    }

    @Test("fromTOML wants a string without context")
    func argumentErrors() {
        #expect(H.eval("fromTOML", .int(1)) == "error: value is an integer while a string was expected")
        let s = NixString("a = 1", context: StringContext("/nix/store/x"))
        #expect(H.eval("fromTOML", .string(s)) == "error: the string 'a = 1' is not allowed to refer to a store path (such as '/nix/store/x')")
    }

    @Test("deeply nested TOML is refused with an error, not a crash")
    func deepNesting() {
        let deep = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(H.eval("fromTOML", .string(deep)).hasPrefix("error: while parsing a TOML string: "))
        let longKey = "[" + Array(repeating: "k", count: 5_000).joined(separator: ".") + "]\n"
        #expect(H.eval("fromTOML", .string(longKey)).hasPrefix("error: while parsing a TOML string: "))
    }
}
