// Strings and indented strings: escapes, interpolation, and nix's rules for
// stripping indentation. Every expected value was computed by nix-instantiate 2.8.

import Testing
import NixSyntax

@Suite struct StringTests {
    @Test("escapes decode as in nix, unknown ones stand for the character")
    func escapes() {
        #expect(tree(#""a\nb\tc\rd\\e\"f\$g\qh""#) == #""a\nb\tc\rd\\e\"f$gqh""#)
        #expect(tree(#""""#) == #""""#)
    }

    @Test("interpolation, $${ and lone dollars")
    func interpolation() {
        #expect(tree(#""a${b}c""#) == #"(str "a" b "c")"#)
        #expect(tree(#""${b}""#) == "(str b)")
        #expect(tree(#""$${a}""#) == #""$${a}""#)
        #expect(tree(#""\${a}""#) == #""${a}""#)
        #expect(tree(#""a$""#) == #""a$""#)
        #expect(tree(#""$""#) == #""$""#)
        #expect(tree(#""$$${a}""#) == #"(str "$$" a)"#)
        #expect(tree(#""${"${a}"}""#) == "(str (str a))")
    }

    @Test("carriage returns in plain strings become newlines")
    func carriageReturns() {
        #expect(tree("\"a\r\nb\rc\"") == #""a\nb\nc""#)
        #expect(tree("''\r\n  a\r\n  b\r\n''") == #""\r\n  a\r\n  b\r\n""#)
    }

    @Test("indented strings lose their common indentation and first newline")
    func indentation() {
        #expect(tree("''\n  a\n    b\n''") == #""a\n  b\n""#)
        #expect(tree("''  a\n  b''") == #""a\nb""#)
        #expect(tree("''  ''") == #""""#)
        #expect(tree("''''") == #""""#)
        #expect(tree("''\n\ta\n  b\n''") == #""\ta\n  b\n""#)
        #expect(tree("''\n  a\n\n  b\n''") == #""a\n\nb\n""#)
        #expect(tree("''\n  a\n      \n  b''") == #""a\n    \nb""#)
    }

    @Test("interpolations at the start of a line count for the indentation")
    func interpolationIndentation() {
        #expect(tree("''\n    a\n  ${\"x\"}\n  ''") == #"(str "  a\n" "x" "\n")"#)
        #expect(tree("''\n    a\n     ${\"x\"} b\n   ''") == #"(str "a\n " "x" " b\n")"#)
    }

    @Test("indented string escapes: ''$, ''' and ''\\x count as text")
    func indentedEscapes() {
        #expect(tree("''a''$''") == #""a$""#)
        #expect(tree("''$''") == #""$""#)
        #expect(tree("''a'b''") == #""a'b""#)
        #expect(tree("''a'${\"x\"}''") == #"(str "a'" "x")"#)
        #expect(tree("''\\n''") == #""\\n""#)
        #expect(tree("''\n  a''\\n   b\n''") == #""a\n b\n""#)
        #expect(tree("''\n  a'''   b\n c''") == #"" a''   b\nc""#)
        #expect(tree("''a''\\n  ''") == #""a\n  ""#)
    }

    @Test("strings without interpolation used as names are static names")
    func staticNames() {
        #expect(tree("{ \"a\" = 1; }") == "{a = 1;}")
        #expect(tree("{ ${''a''} = 1; }") == "{a = 1;}")
    }

    @Test("unterminated strings report what nix expects")
    func unterminated() {
        #expect(firstError(#""abc"#) == "1:2: syntax error, unexpected end of file, expecting '\"'")
        #expect(firstError("''abc") == "1:3: syntax error, unexpected end of file, expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE")
        #expect(firstError("''$''$'") == "1:7: syntax error, unexpected end of file, expecting IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE")
        #expect(firstError(#""a\"#) == "1:3: syntax error, unexpected STR, expecting '\"'")
        #expect(firstError(#""a$"#) == "1:3: syntax error, unexpected STR, expecting '\"'")
        #expect(firstError(#""a$\"#) == "1:3: syntax error, unexpected STR, expecting '\"'")
        #expect(firstError(#""\"#) == "1:2: syntax error, unexpected end of file, expecting '\"'")
        #expect(firstError(#""${}""#) == "1:4: syntax error, unexpected '}'")
    }
}

@Suite struct IndentedEscapeTests {
    // Each expected value was computed by nix-instantiate 2.8.
    @Test("an escape at the start of a line ends its indentation, and its text is kept")
    func escapesEndIndentation() {
        #expect(tree("''''\\ ''") == #"" ""#)
        #expect(tree("''  ''\\ ''") == #"" ""#)
        #expect(tree("''\n''\\n    \n  ''") == #""\n    \n""#)
        #expect(tree("''''\\n    ''") == #""\n    ""#)
        #expect(tree("''  \n  '$''\\n''\\t    $$''") == #""'$\n\t    $$""#)
        #expect(tree("''\n\n  ''\\n$'z''") == #""\n\n$'z""#)
    }
}
