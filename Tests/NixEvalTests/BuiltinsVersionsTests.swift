// compareVersions, splitVersion and parseDrvName against nix-instantiate 2.8.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsVersionsTests {
    typealias H = StringBuiltinsHarness

    static let versions = ["1.0", "1.0pre", "1.0a", "1.0.1", "2.3a", "2.3.1", "1", "", "pre", "1.pre", "1pre1", "1-pre",
                           "a", "b", "1.a", "1..2", "1.2", "99999999999999999999", "100000000000000000000", "1.01", "1.1",
                           "-", "...", "1.0-rc1", "1.0rc1", "1.0-beta", "1.0alpha", "1.0.0", "0", "00", "1e", "pr", "prea", "1..0"]
    /// Row a, column b: compareVersions a b as "<", "=", ">", printed by nix-instantiate.
    static let expected = "=><<<<>>>>>>>>><<>><<>><<<<<>>>>>=|<=<<<<>>>>>>>>><<>><<>><<<<<>>>>><|>>=<<<>>>>>>>>><<>><<>><<<<<>>>>>>|>>>=<<>>>>>>>>><<>><<>>>>>>>>>>>>>|>>>>=<>>>>>>>>>>>>>>>>>>>>>>>>>>>>|>>>>>=>>>>>>>>>>>>>>>>>>>>>>>>>>>>|<<<<<<=>>>>>>><<<>><<>><<<<<>><>><|<<<<<<<=><<<<<<<<<<<<==<<<<<<<<<<<|<<<<<<<<=<<<<<<<<<<<<<<<<<<<<<<<<<|<<<<<<<>>=<=>><<<>><<>><<<<<>><>><|<<<<<<<>>>=>>><<<>><<>><<<<<>><>><|<<<<<<<>>=<=>><<<>><<>><<<<<>><>><|<<<<<<<>><<<=<<<<>><<>><<<<<<<<<<<|<<<<<<<>><<<>=<<<>><<>><<<<<<<<<<<|<<<<<<>>>>>>>>=<<>><<>><<<<<>><>><|>>>><<>>>>>>>>>==>>>>>>>>>>>>>>>>>|>>>><<>>>>>>>>>==>>>>>>>>>>>>>>>>>|<<<<<<<>><<<<<<<<=><<>><<<<<<<<<<<|<<<<<<<>><<<<<<<<<=<<>><<<<<<<<<<<|>>>><<>>>>>>>>><<>>==>>>>>>>>>>>>>|>>>><<>>>>>>>>><<>>==>>>>>>>>>>>>>|<<<<<<<=><<<<<<<<<<<<==<<<<<<<<<<<|<<<<<<<=><<<<<<<<<<<<==<<<<<<<<<<<|>>><<<>>>>>>>>><<>><<>>==>><>>>>>>|>>><<<>>>>>>>>><<>><<>>==>><>>>>>>|>>><<<>>>>>>>>><<>><<>><<=><>>>>>>|>>><<<>>>>>>>>><<>><<>><<<=<>>>>>>|>>><<<>>>>>>>>><<>><<>>>>>>=>>>>>>|<<<<<<<>><<<>><<<>><<>><<<<<==<>><|<<<<<<<>><<<>><<<>><<>><<<<<==<>><|<<<<<<>>>>>>>>><<>><<>><<<<<>>=>><|<<<<<<<>><<<>><<<>><<>><<<<<<<<=<<|<<<<<<<>><<<>><<<>><<>><<<<<<<<>=<|=><<<<>>>>>>>>><<>><<>><<<<<>>>>>="

    @Test("compareVersions agrees with Nix on every pair of a varied set of versions")
    func compareMatrix() {
        let rows = Self.expected.split(separator: "|", omittingEmptySubsequences: false)
        #expect(rows.count == Self.versions.count)
        for (i, a) in Self.versions.enumerated() where i < rows.count {
            let row = Array(rows[i])
            for (j, b) in Self.versions.enumerated() where j < row.count {
                let want = row[j] == "<" ? -1 : row[j] == "=" ? 0 : 1
                #expect(Builtins.compareVersions(a, b) == want, "compareVersions \"\(a)\" \"\(b)\"")
            }
        }
    }

    @Test("numbers compare as numbers only while they fit a 32-bit int")
    func bigNumbers() {
        #expect(Builtins.compareVersions("2147483648", "2147483647") == -1)
        #expect(Builtins.compareVersions("4294967296", "1") == -1)
        #expect(Builtins.compareVersions("99999999999999999999", "100000000000000000000") == 1)
        #expect(Builtins.compareVersions("18446744073709551615", "18446744073709551614") == 1)
        #expect(Builtins.compareVersions("2147483647", "2147483646") == 1)
    }

    @Test("splitVersion cuts at dots and dashes and between digits and other bytes")
    func splitVersion() {
        #expect(H.eval("splitVersion", .string("1.2.3pre4")) == "[ \"1\" \"2\" \"3\" \"pre\" \"4\" ]")
        #expect(H.eval("splitVersion", .string("")) == "[ ]")
        #expect(H.eval("splitVersion", .string("...")) == "[ ]")
        #expect(H.eval("splitVersion", .string("1..2")) == "[ \"1\" \"2\" ]")
        #expect(H.eval("splitVersion", .string("a-b_c")) == "[ \"a\" \"b_c\" ]")
        #expect(H.eval("splitVersion", .string("1.0-rc1")) == "[ \"1\" \"0\" \"rc\" \"1\" ]")
        #expect(H.eval("splitVersion", .string("  x")) == "[ \"  x\" ]")
        #expect(H.eval("splitVersion", .string("1é2")) == "[ \"1\" \"é\" \"2\" ]")
        #expect(H.eval("splitVersion", .string("abc123def")) == "[ \"abc\" \"123\" \"def\" ]")
        #expect(H.eval("splitVersion", .string("-1-")) == "[ \"1\" ]")
        #expect(H.eval("splitVersion", .string("9999999999999999999999")) == "[ \"9999999999999999999999\" ]")
    }

    @Test("parseDrvName splits at the first dash that is followed by a non-letter")
    func parseDrvName() {
        let cases: [(String, String)] = [
            ("foo-1.0", "{ name = \"foo\"; version = \"1.0\"; }"), ("foo", "{ name = \"foo\"; version = \"\"; }"),
            ("foo-", "{ name = \"foo-\"; version = \"\"; }"), ("foo-bar-1.0", "{ name = \"foo-bar\"; version = \"1.0\"; }"),
            ("foo-1-bar", "{ name = \"foo\"; version = \"1-bar\"; }"), ("-1", "{ name = \"\"; version = \"1\"; }"),
            ("-a", "{ name = \"-a\"; version = \"\"; }"), ("foo--1", "{ name = \"foo\"; version = \"-1\"; }"),
            ("foo-é", "{ name = \"foo\"; version = \"é\"; }"), ("foo-_x", "{ name = \"foo\"; version = \"_x\"; }"),
            ("a-b-c", "{ name = \"a-b-c\"; version = \"\"; }"), ("", "{ name = \"\"; version = \"\"; }"),
        ]
        for (input, want) in cases { #expect(H.eval("parseDrvName", .string(input)) == want, "parseDrvName \(input)") }
    }

    @Test("version builtins want plain strings without store references")
    func typeErrors() {
        #expect(H.eval("parseDrvName", .int(1)) == "error: value is an integer while a string was expected")
        #expect(H.eval("splitVersion", .path("/a")) == "error: value is a path while a string was expected")
        #expect(H.eval("compareVersions", .string("a"), .int(1)) == "error: value is an integer while a string was expected")
        let s = NixString("/nix/store/x-1", context: StringContext(elements: ["=/nix/store/d.drv", "!out!/nix/store/d.drv"]))
        #expect(H.eval("parseDrvName", .string(s))
            == "error: the string '/nix/store/x-1' is not allowed to refer to a store path (such as '!out!/nix/store/d.drv')")
    }
}
