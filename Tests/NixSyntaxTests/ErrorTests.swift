// Syntax errors: the first one is the one nix-instantiate 2.8 reports (same
// wording, same line and column), and the parser recovers to report later ones.

import Testing
import NixSyntax

@Suite struct ErrorTests {
    @Test("missing or unexpected tokens are reported with nix's wording and position")
    func nixMessages() {
        let cases: [(String, String)] = [
            ("{ a = 1 }", "1:9: syntax error, unexpected '}', expecting ';'"),
            ("{ a = 1; b }", "1:12: syntax error, unexpected '}', expecting '.' or '='"),
            ("(1 +", "1:4: syntax error, unexpected end of file"),
            ("(1 + 2", "1:6: syntax error, unexpected end of file, expecting ')'"),
            ("let a = 1 in a", "1:11: syntax error, unexpected IN, expecting ';'"),
            ("let a = 1; a", "1:12: syntax error, unexpected end of file, expecting '.' or '='"),
            ("if 1 then 2", "1:11: syntax error, unexpected end of file, expecting ELSE"),
            ("if 1 2", "1:6: syntax error, unexpected end of file, expecting THEN"),
            ("[1 2", "1:4: syntax error, unexpected end of file"),
            ("x: ", "1:3: syntax error, unexpected end of file"),
            ("", "1:1: syntax error, unexpected end of file"),
            ("  \n", "1:1: syntax error, unexpected end of file"),
            (")", "1:1: syntax error, unexpected ')'"),
            ("1 ;", "1:3: syntax error, unexpected ';', expecting end of file"),
            ("a & b", "1:3: syntax error, unexpected invalid token, expecting end of file"),
            ("$", "1:1: syntax error, unexpected invalid token"),
            ("${a}", "1:1: syntax error, unexpected DOLLAR_CURLY"),
            ("inherit", "1:1: syntax error, unexpected INHERIT"),
            ("{ inherit a.b; }", "1:12: syntax error, unexpected '.'"),
            ("a ? ", "1:4: syntax error, unexpected end of file, expecting ID or OR_KW or DOLLAR_CURLY or '\"'"),
            ("{ a = 1; } ? 1", "1:14: syntax error, unexpected INT, expecting ID or OR_KW or DOLLAR_CURLY or '\"'"),
            ("= 1", "1:1: syntax error, unexpected '='"),
            ("rec", "1:1: syntax error, unexpected end of file, expecting '{'"),
            ("rec 1", "1:5: syntax error, unexpected INT, expecting '{'"),
            ("f let a = 1; in a", "1:7: syntax error, unexpected ID, expecting '{'"),
            ("assert 1 2", "1:10: syntax error, unexpected end of file, expecting ';'"),
            ("with 1 2", "1:8: syntax error, unexpected end of file, expecting ';'"),
            ("let a = 1; in", "1:12: syntax error, unexpected end of file"),
            ("[1 )", "1:4: syntax error, unexpected ')'"),
            ("{ a = 1; ) }", "1:10: syntax error, unexpected ')'"),
            ("if 1 then 2 else", "1:13: syntax error, unexpected end of file"),
            ("\"${1\"", "1:5: syntax error, unexpected end of file, expecting '\"'"),
            ("{ a.${} = 1; }", "1:7: syntax error, unexpected '}'"),
        ]
        for (source, expected) in cases {
            #expect(firstError(source) == expected, "\(source)")
        }
    }

    @Test("errors in formals follow nix's reading of the braces")
    func formals() {
        let cases: [(String, String)] = [
            ("{ a }", "1:5: syntax error, unexpected end of file, expecting ':' or '@'"),
            ("{ a, }", "1:6: syntax error, unexpected end of file, expecting ':' or '@'"),
            ("{ a ? 1 }", "1:9: syntax error, unexpected end of file, expecting ':' or '@'"),
            ("{ ..., a }:a", "1:6: syntax error, unexpected ',', expecting '}'"),
            ("{ a, ..., }:a", "1:9: syntax error, unexpected ',', expecting '}'"),
            ("a@b: a", "1:3: syntax error, unexpected ID, expecting '{'"),
            ("{a}@{b}: a", "1:5: syntax error, unexpected '{', expecting ID"),
            ("a@{b}@c: 1", "1:6: syntax error, unexpected '@', expecting ':'"),
            ("{a b}: a", "1:4: syntax error, unexpected ID, expecting '.' or '='"),
            ("{ a, b c }: 1", "1:8: syntax error, unexpected ID, expecting '}'"),
            ("{ a, , }: 1", "1:6: syntax error, unexpected ',', expecting '}'"),
            ("{ a, 1 }: 1", "1:6: syntax error, unexpected INT, expecting '}'"),
            ("{ a, b } 1", "1:10: syntax error, unexpected INT, expecting ':' or '@'"),
            ("{ a, b }@ 1", "1:11: syntax error, unexpected INT, expecting ID"),
        ]
        for (source, expected) in cases {
            #expect(firstError(source) == expected, "\(source)")
        }
    }

    @Test("duplicate formals are reported after the body, where nix reports them")
    func duplicateFormals() {
        #expect(errors("{a, b, a}: 1") == ["1:8: duplicate formal function argument 'a'"])
        #expect(errors("x@{y, x}: 1") == ["1:1: duplicate formal function argument 'x'"])
        #expect(errors("{x}@x: 1") == ["1:1: duplicate formal function argument 'x'"])
        #expect(firstError("{a, a}: )") == "1:9: syntax error, unexpected ')'")
    }

    @Test("duplicate attributes are errors, but sets written twice are merged")
    func duplicateAttributes() {
        #expect(errors("{ a = 1; a = 2; }") == ["1:10: attribute 'a' already defined at (string):1:3"])
        #expect(errors("let a = 1; a = 2; in a") == ["1:12: attribute 'a' already defined at (string):1:5"])
        #expect(errors("{ a.b = 1; a.b = 2; }") == ["1:12: attribute 'a.b' already defined at (string):1:3"])
        #expect(errors("{ a = 1; a.b = 2; }") == ["1:10: attribute 'a.b' already defined at (string):1:3"])
        #expect(errors("{ inherit a; a = 1; }") == ["1:14: attribute 'a' already defined at (string):1:10"])
        #expect(errors("{ a = 1; inherit a; }") == ["1:17: attribute 'a' already defined at (string):1:3"])
        #expect(errors("{ a = {b=1;}; a = {b=1;}; }") == ["1:8: attribute 'b' already defined at (string):1:20"])
        #expect(errors("{ ${\"a\"} = 1; a = 2; }") == ["1:15: attribute 'a' already defined at (string):1:3"])
        #expect(errors("{ a = {b=1;}; a = {c=1;}; }").isEmpty)
        #expect(errors("{ a.c = 2; a = {b=1;}; }").isEmpty)
        #expect(errors("{ a = rec {b=1;}; a.c = 1; }").isEmpty)
        #expect(errors("{ a = {b.c=1;}; a.b.d = 1; }").isEmpty)
        #expect(errors("{ ${a} = 1; ${a} = 2; }").isEmpty)
    }

    @Test("dynamic names are refused in let and in inherit")
    func dynamicNames() {
        #expect(errors("let ${a} = 1; in 1") == ["1:1: dynamic attributes not allowed in let"])
        #expect(errors("let a.${b} = 1; in 1").isEmpty)
        #expect(errors("{ inherit (1) \"${a}\"; }") == ["1:15: dynamic attributes not allowed in inherit"])
        #expect(errors("{ inherit ${\"a\"}; }").isEmpty)
    }

    @Test("the parser recovers inside sets and lets and reports later errors too")
    func recovery() {
        #expect(errors("{ a = ; b = 2; c = ; }") == [
            "1:7: syntax error, unexpected ';'",
            "1:20: syntax error, unexpected ';'",
        ])
        #expect(errors("let a = 1 b = 2; c = ); in c") == [
            "1:13: syntax error, unexpected '=', expecting ';'",
            "1:22: syntax error, unexpected ')'",
        ])
        #expect(errors("{ a = 1; = 2; b = (3; }") == [
            "1:10: syntax error, unexpected '='",
            "1:21: syntax error, unexpected ';', expecting ')'",
        ])
    }

    @Test("a recovered tree holds error nodes where the errors were")
    func errorNodes() {
        let (result, _) = Parser.parse("{ a = ; b = 2; }")
        #expect(result.expr.debugDescription == "{a = <error>; b = 2;}")
        #expect(result.diagnostics.count == 1)
    }
}
