// Every construct of the language parses into the expected tree.

import Testing
import NixSyntax

@Suite struct ConstructTests {
    @Test("integers, floats in every form nix accepts, and what they are not")
    func numbers() {
        #expect(tree("42") == "42")
        #expect(tree("007") == "7")
        #expect(tree("9223372036854775807") == "9223372036854775807")
        #expect(tree("1.5") == "1.5")
        #expect(tree(".5") == "0.5")
        #expect(tree("1.") == "1.0")
        #expect(tree("1.e3") == "1000.0")
        #expect(tree(".5e2") == "50.0")
        #expect(tree("1.5e-3") == "0.0015")
        #expect(tree("1.5E+3") == "1500.0")
        // Not floats: an integer followed by an identifier or a float.
        #expect(tree("1e3") == "(1 e3)")
        #expect(tree("01.5") == "(1 0.5)")
        #expect(tree("a.1") == "(a 0.1)")
        #expect(firstError("0.") == "1:2: syntax error, unexpected end of file, expecting ID or OR_KW or DOLLAR_CURLY or '\"'")
    }

    @Test("integer and float literals out of range are errors")
    func numberRange() {
        #expect(firstError("9223372036854775808") == "1:1: invalid integer '9223372036854775808'")
        #expect(firstError("1.0e309") == "1:1: invalid float '1.0e309'")
        #expect(firstError("1.0e-310") == "1:1: invalid float '1.0e-310'")
        #expect(tree("0.0e-400") == "0.0")
    }

    @Test("identifiers may hold quotes and dashes; keywords are not identifiers")
    func identifiers() {
        #expect(tree("a-b'c_d") == "a-b'c_d")
        #expect(tree("a -b") == "(- a b)")
        #expect(tree("iffy") == "iffy")
        #expect(tree("__curPos") == "__curPos")
        #expect(firstError("then") == "1:1: syntax error, unexpected THEN")
    }

    @Test("paths of every kind, with interpolation")
    func paths() {
        #expect(tree("./a") == "(path:rel \"./a\")")
        #expect(tree("../a") == "(path:rel \"../a\")")
        #expect(tree("a/b") == "(path:rel \"a/b\")")
        #expect(tree("a.b/c") == "(path:rel \"a.b/c\")")
        #expect(tree("./.") == "(path:rel \"./.\")")
        #expect(tree("/abs") == "(path:abs \"/abs\")")
        #expect(tree("~/x") == "(path:home \"~/x\")")
        #expect(tree("./a+b") == "(path:rel \"./a+b\")")
        #expect(tree("./a/${b}") == "(path:rel \"./a/\" b)")
        #expect(tree("./a/${b}/c") == "(path:rel \"./a/\" b \"/c\")")
        #expect(tree("./a${b}") == "(path:rel \"./a\" b)")
        #expect(tree("./${b}") == "(path:rel \"./\" b)")
        #expect(tree("a/${b}") == "(path:rel \"a/\" b)")
        #expect(tree("/${b}") == "(path:abs \"/\" b)")
        #expect(tree("~/${b}") == "(path:home \"~/\" b)")
        #expect(tree("1/2") == "(path:rel \"1/2\")")
        #expect(tree("1/ 2") == "(/ 1 2)")
        #expect(tree("[./a ./b]") == "[(path:rel \"./a\") (path:rel \"./b\")]")
    }

    @Test("a path ending with a slash is an error where nix reports it")
    func trailingSlash() {
        #expect(firstError("./a/") == "1:1: path has a trailing slash")
        #expect(firstError("./a/ ") == "1:5: path has a trailing slash")
        #expect(firstError("[./a/]") == "1:6: path has a trailing slash")
        #expect(firstError("let b = 1; in ./a/${b}/") == "1:23: path has a trailing slash")
        #expect(firstError("./a//b") == "1:1: syntax error, unexpected PATH_END, expecting DOLLAR_CURLY")
    }

    @Test("search paths and URIs")
    func searchPathsAndURIs() {
        #expect(tree("<nixpkgs/lib>") == "<nixpkgs/lib>")
        #expect(tree("<a>") == "<a>")
        #expect(firstError("<a/>") == "1:1: syntax error, unexpected '<'")
        #expect(tree("https://x.org/a?b=c") == "(uri \"https://x.org/a?b=c\")")
        #expect(tree("a:b") == "(uri \"a:b\")")
        #expect(tree("x: x") == "(fn x x)")
    }

    @Test("comments are skipped")
    func comments() {
        #expect(tree("1 # x\n+ /* y */ 2") == "(+ 1 2)")
        #expect(tree("/**/1") == "1")
        #expect(firstError("/* a") == "1:1: syntax error, unexpected '/'")
        #expect(firstError("# x") == "1:1: syntax error, unexpected end of file")
    }

    @Test("lists hold selects, so [ f x ] has two elements")
    func lists() {
        #expect(tree("[ f x ]") == "[f x]")
        #expect(tree("[ (f x) a.b -1 ]") == "errors: 1:13: syntax error, unexpected '-'")
        #expect(tree("[ (f x) a.b or c ]") == "[(f x) (. a b or c)]")
        #expect(tree("[]") == "[]")
        #expect(tree("[ [ 1 ] [] ]") == "[[1] []]")
        #expect(tree("[ let { body = 1; } ]") == "[(let {body = 1;})]")
    }

    @Test("attribute sets, rec sets, nested and dynamic names, inherit")
    func attributeSets() {
        #expect(tree("{ }") == "{}")
        #expect(tree("{ a = 1; b.c = 2; }") == "{a = 1; b.c = 2;}")
        #expect(tree("rec { a = 1; b = a; }") == "rec {a = 1; b = a;}")
        #expect(tree("{ inherit a b; inherit (x) c \"d\"; inherit; }") == "{inherit a b; inherit (x) c d; inherit;}")
        #expect(tree("{ ${a} = 1; \"b\" = 2; \"c${d}\" = 3; ${\"e\"} = 4; \"f g\" = 5; }")
                == "{${a} = 1; b = 2; ${(str \"c\" d)} = 3; e = 4; \"f g\" = 5;}")
        #expect(tree("{ a.${b}.c = 1; }") == "{a.${b}.c = 1;}")
    }

    @Test("let in, the legacy let form, with, assert and if")
    func keywords() {
        #expect(tree("let a = 1; inherit b; in a") == "(let {a = 1; inherit b;} a)")
        #expect(tree("let in 1") == "(let {} 1)")
        #expect(tree("let { body = 1; a = 2; }") == "(let {body = 1; a = 2;})")
        #expect(tree("with a; b") == "(with a b)")
        #expect(tree("assert a; b") == "(assert a b)")
        #expect(tree("if a then b else c") == "(if a b c)")
        #expect(tree("if a then b else if c then d else e") == "(if a b (if c d e))")
        #expect(tree("with a; x: x + 1") == "(with a (fn x (+ x 1)))")
        #expect(tree("let a.b = 1; ${\"c\"} = 2; in a") == "(let {a.b = 1; c = 2;} a)")
    }

    @Test("functions with a name, with formals, defaults, ellipsis and @")
    func lambdas() {
        #expect(tree("x: y: x") == "(fn x (fn y x))")
        #expect(tree("{ }: 1") == "(fn {} 1)")
        #expect(tree("{ a, b ? 1, ... }: a") == "(fn {a, b ? 1, ...} a)")
        #expect(tree("{ a, }: a") == "(fn {a} a)")
        #expect(tree("{ ... }: 1") == "(fn {...} 1)")
        #expect(tree("args@{ a }: a") == "(fn {a}@args a)")
        #expect(tree("{ a }@args: a") == "(fn {a}@args a)")
        #expect(tree("{}@a: a") == "(fn {}@a a)")
        #expect(tree("{ a ? x: x }: a") == "(fn {a ? (fn x x)} a)")
        #expect(tree("{ a ? 1 b }: a") == "(fn {a ? (1 b)} a)")
        #expect(tree("x: { a }: a") == "(fn x (fn {a} a))")
    }

    @Test("a { after an operator is always a set, never formals")
    func bracesAfterOperators() {
        #expect(firstError("f { a }: a") == "1:7: syntax error, unexpected '}', expecting '.' or '='")
    }
}
