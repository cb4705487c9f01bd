// stringLength, substring, concatStringsSep, replaceStrings, baseNameOf and
// dirOf, against results printed by nix-instantiate 2.8.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsStringsTests {
    typealias H = StringBuiltinsHarness

    @Test("stringLength counts bytes, not characters")
    func stringLength() {
        #expect(H.eval("stringLength", .string("héllo")) == "6")
        #expect(H.eval("stringLength", .string("")) == "0")
        #expect(H.eval("stringLength", .string("abc")) == "3")
    }

    @Test("substring clips at the end, takes the rest for a negative length, and wraps to 32 bits as Nix does")
    func substring() {
        func sub(_ a: Int, _ b: Int, _ s: String) -> String { H.eval("substring", .int(a), .int(b), .string(s)) }
        #expect(sub(1, -1, "abcdef") == "\"bcdef\"")
        #expect(sub(1, -2, "abcdef") == "\"bcdef\"")
        #expect(sub(10, 2, "abc") == "\"\"")
        #expect(sub(1, 100, "abc") == "\"bc\"")
        #expect(sub(3, 1, "abc") == "\"\"")
        #expect(sub(1, 0, "abc") == "\"\"")
        #expect(sub(4294967296, 1, "abc") == "\"a\"")
        #expect(sub(4294967297, 1, "abc") == "\"b\"")
        #expect(sub(0, 4294967297, "abc") == "\"a\"")
        #expect(sub(0, 4294967296, "abc") == "\"\"")
        #expect(sub(1, -2147483648, "abc") == "\"bc\"")
        #expect(sub(2147483648, 1, "abc") == "error: negative start position in 'substring'")
        #expect(sub(-1, 2, "abc") == "error: negative start position in 'substring'")
        #expect(sub(1, 2, "héllo") == "\"é\"")
    }

    @Test("substring checks its integer arguments before the string")
    func substringErrors() {
        #expect(H.eval("substring", .string("a"), .int(2), .string("abc")) == "error: value is a string while an integer was expected")
        #expect(H.eval("substring", .int(-1), .string("x"), .int(3)) == "error: value is a string while an integer was expected")
    }

    @Test("substring keeps the context even of an empty result")
    func substringContext() throws {
        let s = NixString("/nix/store/abc-x", context: StringContext("/nix/store/abc-x"))
        let r = try H.call("substring", .int(0), .int(0), .string(s))
        guard case .string(let out) = r else { Issue.record("not a string"); return }
        #expect(out.string == "")
        #expect(out.context.elements == ["/nix/store/abc-x"])
    }

    @Test("concatStringsSep joins, unions contexts, and type-checks the separator first")
    func concatStringsSep() throws {
        #expect(H.eval("concatStringsSep", .string(", "), H.strings(["a", "b", "c"])) == "\"a, b, c\"")
        #expect(H.eval("concatStringsSep", .string(","), .list([])) == "\"\"")
        #expect(H.eval("concatStringsSep", .int(1), .string("a")) == "error: value is an integer while a string was expected")
        #expect(H.eval("concatStringsSep", .path("/tmp"), H.strings(["a"])) == "error: value is a path while a string was expected")
        #expect(H.eval("concatStringsSep", .string(","), .string("a")) == "error: value is a string while a list was expected")
        let a = NixString("x", context: StringContext("/s/a"))
        let sep = NixString("-", context: StringContext("/s/sep"))
        let r = try H.call("concatStringsSep", .string(sep), .list([.string(a), .string("y")]))
        guard case .string(let out) = r else { Issue.record("not a string"); return }
        #expect(out.string == "x-y")
        #expect(out.context.elements == ["/s/a", "/s/sep"])
    }

    @Test("replaceStrings follows Nix's scan: first pattern wins, empty patterns match between every byte")
    func replaceStrings() {
        func rep(_ f: [String], _ t: [String], _ s: String) -> String { H.eval("replaceStrings", H.strings(f), H.strings(t), .string(s)) }
        #expect(rep([""], ["X"], "abc") == "\"XaXbXcX\"")
        #expect(rep(["", "b"], ["X", "Y"], "abc") == "\"XaXbXcX\"")
        #expect(rep(["b", ""], ["Y", "X"], "abc") == "\"XaYXcX\"")
        #expect(rep([""], ["X"], "") == "\"X\"")
        #expect(rep(["a", "ab"], ["X", "Y"], "abc") == "\"Xbc\"")
        #expect(rep(["ab", "a"], ["X", "Y"], "abc") == "\"Xc\"")
        #expect(rep(["aa"], ["b"], "aaa") == "\"ba\"")
        #expect(rep([], [], "abc") == "\"abc\"")
        #expect(rep(["o"], ["0"], "foo bar boo") == "\"f00 bar b00\"")
        #expect(rep(["é"], ["e"], "café é") == "\"cafe e\"")
        #expect(rep(["a"], ["X", "Y"], "abc") == "error: 'from' and 'to' arguments to 'replaceStrings' have different lengths")
    }

    @Test("replaceStrings forces every replacement and reports type errors as Nix does")
    func replaceStringsErrors() {
        #expect(H.eval("replaceStrings", H.strings(["a"]), .list([.int(1)]), .string("abc")) == "error: value is an integer while a string was expected")
        #expect(H.eval("replaceStrings", .list([.int(1)]), H.strings(["a"]), .string("abc")) == "error: value is an integer while a string was expected")
        #expect(H.eval("replaceStrings", H.strings(["a"]), H.strings(["b"]), .int(1)) == "error: value is an integer while a string was expected")
        #expect(H.eval("replaceStrings", .string("a"), H.strings(["b"]), .string("a")) == "error: value is a string while a list was expected")
        #expect(H.eval("replaceStrings", H.strings(["a"]), H.strings(["b"]), .path("/x")) == "error: value is a path while a string was expected")
    }

    @Test("replaceStrings adds the context of replacements that were used, and only those")
    func replaceStringsContext() throws {
        let used = NixString("U", context: StringContext("/s/used"))
        let unused = NixString("N", context: StringContext("/s/unused"))
        let subject = NixString("abc", context: StringContext("/s/subject"))
        let r = try H.call("replaceStrings", H.strings(["a", "z"]), .list([.string(used), .string(unused)]), .string(subject))
        guard case .string(let out) = r else { Issue.record("not a string"); return }
        #expect(out.string == "Ubc")
        #expect(out.context.elements == ["/s/used", "/s/subject"])
    }

    @Test("baseNameOf and dirOf treat slashes exactly as Nix does")
    func baseNameAndDir() {
        let cases: [(String, String, String)] = [
            ("/a/b/c", "\"c\"", "\"/a/b\""), ("/a/b/c/", "\"c\"", "\"/a/b/c\""), ("a", "\"a\"", "\".\""),
            ("", "\"\"", "\".\""), ("/", "\"\"", "\"/\""), ("//", "\"\"", "\"/\""), ("a//b", "\"b\"", "\"a/\""),
            ("a/b//", "\"\"", "\"a/b/\""), ("/a/b/c//", "\"\"", "\"/a/b/c/\""), ("abc/", "\"abc\"", "\"abc\""),
        ]
        for (input, base, dir) in cases {
            #expect(H.eval("baseNameOf", .string(input)) == base, "baseNameOf \(input)")
            #expect(H.eval("dirOf", .string(input)) == dir, "dirOf \(input)")
        }
    }

    @Test("dirOf of a path is a path, baseNameOf of a path is a string")
    func pathsStayPaths() {
        #expect(H.eval("dirOf", .path("/a/b")) == "/a")
        #expect(H.eval("dirOf", .path("/a")) == "/")
        #expect(H.eval("dirOf", .path("/")) == "/")
        #expect(H.eval("baseNameOf", .path("/a/b")) == "\"b\"")
        #expect(H.eval("baseNameOf", .path("/")) == "\"\"")
    }
}
