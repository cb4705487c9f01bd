// fromJSON and toJSON against nix-instantiate 2.8: values, numbers at the
// edges of 64 bits, escapes and surrogates, and the reader's exact error
// messages with line, column and "last read".

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsJSONTests {
    typealias H = StringBuiltinsHarness

    /// (JSON text, what nix-instantiate --eval --strict prints for fromJSON of it, or its first error line)
    static let fromJSONCases: [(String, String)] = [
        ("1", "1"),
        (" 1 ", "1"),
        ("-0", "0"),
        ("-0.0", "-0"),
        ("1.5", "1.5"),
        ("1e3", "1000"),
        ("1E3", "1000"),
        ("1e+3", "1000"),
        ("1e-3", "0.001"),
        ("9223372036854775807", "9223372036854775807"),
        ("9223372036854775808", "-9223372036854775808"),
        ("18446744073709551615", "-1"),
        ("18446744073709551616", "1.84467e+19"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("-9223372036854775809", "-9.22337e+18"),
        ("99999999999999999999999", "1e+23"),
        ("1.0e400", "error: [json.exception.out_of_range.406] number overflow parsing '1.0e400'"),
        ("-1.0e400", "error: [json.exception.out_of_range.406] number overflow parsing '-1.0e400'"),
        ("1e-400", "0"),
        ("01", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("1.", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'; last read: '1.'"),
        (".5", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '.'"),
        ("+1", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '+'"),
        ("true", "true"),
        ("false", "false"),
        ("null", "null"),
        ("nul", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'nul'"),
        ("tru e", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'tru '"),
        ("[1,]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
        ("{\"a\":1,}", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected '}'; expected string literal"),
        ("{\"a\":1,\"a\":2}", "{ a = 2; }"),
        ("{\"b\":1,\"a\":2,\"c\":{\"d\":[1,2,{\"e\":null}]}}", "{ a = 2; b = 1; c = { d = [ 1 2 { e = null; } ]; }; }"),
        ("\"\\ud83d\\ude00\"", "\"😀\""),
        ("\"\\ud83d\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\"'"),
        ("\"\\ude00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\ude00'"),
        ("\"\\u00e9\"", "\"é\""),
        ("\"\\x\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\x'"),
        ("\"a", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: missing closing quote; last read: '\"a'"),
        ("", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("1 2", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("[1 2]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing array - unexpected number literal; expected ']'"),
        ("\"tab\u{9}in\"", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"tab<U+0009>'"),
        ("\"nl\u{a}in\"", "error: [json.exception.parse_error.101] parse error at line 2, column 0: syntax error while parsing value - invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n; last read: '\"nl<U+000A>'"),
        ("{\"a\" 1}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'"),
        ("{1:1}", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected number literal; expected string literal"),
        ("NaN", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: 'N'"),
        ("Infinity", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: 'I'"),
        ("\"\\uD83D\\uDE00\"", "\"😀\""),
        ("-", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-'"),
        ("[]", "[ ]"),
        ("{}", "{ }"),
        ("  ", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("{\"\":1}", "{ \"\" = 1; }"),
        ("\"\\/\"", "\"/\""),
        ("'a'", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - invalid literal; last read: '''"),
        (" N", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid literal; last read: ' N'"),
        ("[1, N]", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid literal; last read: '1, N'"),
        ("[1, nux]", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid literal; last read: '1, nux'"),
        (" \"a", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: missing closing quote; last read: '\"a'"),
        ("[1,  -x]", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-x'"),
        ("[1,  \"\\u12g\"]", "error: [json.exception.parse_error.101] parse error at line 1, column 11: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12g'"),
        ("\"\\u12\"", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u12\"'"),
        ("1.5e", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1.5e'"),
        ("1.5e+", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid number; expected digit after exponent sign; last read: '1.5e+'"),
        ("1.5ex", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1.5ex'"),
        ("-01", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - unexpected number literal; expected end of input"),
        ("-a", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-a'"),
        ("[true false]", "error: [json.exception.parse_error.101] parse error at line 1, column 11: syntax error while parsing array - unexpected false literal; expected ']'"),
        ("{\"a\":1 \"b\"}", "error: [json.exception.parse_error.101] parse error at line 1, column 10: syntax error while parsing object - unexpected string literal; expected '}'"),
        ("{\"a\":}", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"),
        ("[}", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal"),
        ("{]", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected ']'; expected string literal"),
        (":", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected ':'; expected '[', '{', or a literal"),
        (",", "error: [json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal"),
        ("[1", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing array - unexpected end of input; expected ']'"),
        ("{\"a\"", "error: [json.exception.parse_error.101] parse error at line 1, column 5: syntax error while parsing object separator - unexpected end of input; expected ':'"),
        ("{\"a\":1", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing object - unexpected end of input; expected '}'"),
        ("{", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected end of input; expected string literal"),
        ("[", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("\"\\ud83d\\u0041\"", "error: [json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\\u0041'"),
        ("\"\\ud83dx\"", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83dx'"),
        ("\"\\ud83d\\x\"", "error: [json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\\x'"),
        ("\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"", "\"\u{8}\u{c}\\n\\r\\t\\\"\\\\/\""),
        ("\"\\u0000x\"", "\"\""),
        ("\"a\\u0000b\"", "\"a\""),
        ("\"\u{1}\"", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+0001 (SOH) must be escaped to \\u0001; last read: '\"<U+0001>'"),
        ("\"\u{1f}\"", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value - invalid string: control character U+001F (US) must be escaped to \\u001F; last read: '\"<U+001F>'"),
        ("\"\u{7f}\"", "\"\u{7f}\""),
        ("﻿[1]", "[ 1 ]"),
        ("﻿", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"),
        ("[\u{a}1,\u{a}2\u{a},]", "error: [json.exception.parse_error.101] parse error at line 4, column 2: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"),
        ("{\u{a}  \"a\": tru\u{a}}", "error: [json.exception.parse_error.101] parse error at line 3, column 0: syntax error while parsing value - invalid literal; last read: '\"a\": tru<U+000A>'"),
        ("\"\\u\"", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u\"'"),
        ("\"\\u00\"", "error: [json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - invalid string: '\\u' must be followed by 4 hex digits; last read: '\"\\u00\"'"),
        ("\"é\"", "\"é\""),
        ("[1,2,3]", "[ 1 2 3 ]"),
        ("[1.0, 2.5e10, -3e-2]", "[ 1 2.5e+10 -0.03 ]"),
        ("0.1", "0.1"),
        ("1.7976931348623157e308", "1.79769e+308"),
        ("2.2250738585072014e-308", "2.22507e-308"),
        ("5e-324", "4.94066e-324"),
        ("123456789012345678901234567890", "1.23457e+29"),
        ("-0e0", "-0"),
        ("0e5", "0"),
        ("1.0E+2", "100"),
        ("[[[]]]", "[ [ [ ] ] ]"),
        ("{\"a\":{\"b\":{\"c\":{}}}}", "{ a = { b = { c = { }; }; }; }"),
        ("\u{9}\u{d}\u{a} 1 \u{9}\u{d}\u{a}", "1"),
        ("{\"a\":1}x", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - invalid literal; last read: '1}x'; expected end of input"),
        ("[1]]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ']'; expected end of input"),
        ("\"\\uDBFF\\uDFFF\"", "\"􏿿\""),
        ("\"\\uD800\\uDC00\"", "\"𐀀\""),
        ("\"\\u0080\\u07ff\\u0800\\uffff\"", "\"߿ࠀ￿\""),
        ("[-]", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-]'"),
        ("[1e]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid number; expected '+', '-', or digit after exponent; last read: '1e]'"),
        ("{\"a\":1}}", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing value - unexpected '}'; expected end of input"),
        ("\"\\ud83d\\ud83d\"", "error: [json.exception.parse_error.101] parse error at line 1, column 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud83d\\ud83d'"),
        ("\"\\udc00\\ud83d\"", "error: [json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF; last read: '\"\\udc00'"),
        ("{\"a\":[1,{\"b\":2},\"c\"],\"b\":true}", "{ a = [ 1 { b = 2; } \"c\" ]; b = true; }"),
        ("[\u{d}\u{a}]", "[ ]"),
        ("\"\\U0041\"", "error: [json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"\\U'"),
        ("[1,,2]", "error: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal"),
        ("{,}", "error: [json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - unexpected ','; expected string literal"),
        ("{\"a\":1,,\"b\":2}", "error: [json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing object key - unexpected ','; expected string literal"),
        ("[null,true,false]", "[ null true false ]"),
    ]

    @Test("fromJSON gives Nix's values and Nix's error messages for a wide range of texts")
    func fromJSONMatchesNix() {
        for (input, expected) in Self.fromJSONCases {
            #expect(H.eval("fromJSON", .string(input)) == expected, "fromJSON \(input)")
        }
    }

    @Test("fromJSON reads nesting far deeper than the native stack could recurse")
    func deepNesting() throws {
        nonisolated(unsafe) var levels = 0
        nonisolated(unsafe) var objectOK = false
        H.onLargeStack {
            let depth = 200_000
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            guard var v = try? H.call("fromJSON", .string(text)) else { return }
            while case .list(let items) = v, let first = items.first {
                levels += 1
                v = first
            }
            let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
            if case .attrs = try? H.call("fromJSON", .string(objects)) { objectOK = true }
        }
        #expect(levels == 200_000 - 1)
        #expect(objectOK)
    }

    @Test("fromJSON puts the call in the trace and wants a string without context")
    func fromJSONFraming() throws {
        let ev = Evaluator()
        do {
            _ = try H.call("fromJSON", .string("[1,]"), in: ev)
            Issue.record("no error")
        } catch let e as EvalError {
            #expect(e.span.isNone)
            #expect(e.trace.map(\.message) == ["while decoding a JSON string"])
        }
        #expect(H.eval("fromJSON", .int(1)) == "error: value is an integer while a string was expected")
        #expect(H.eval("fromJSON", .path("/x")) == "error: value is a path while a string was expected")
    }

    @Test("toJSON writes Nix's compact JSON: sorted keys, %g floats, \\u00XX control characters")
    func toJSON() {
        let ev = Evaluator()
        let set = ev.makeAttrs([("b", .int(1)), ("a", .int(2)), ("é", .int(3)), ("A", .int(4))])
        #expect(H.eval("toJSON", set, in: ev) == #""{\"A\":4,\"a\":2,\"b\":1,\"é\":3}""#)
        #expect(H.eval("toJSON", .list([.null, .bool(true), .bool(false), .int(1), .int(-5)])) == #""[null,true,false,1,-5]""#)
        #expect(H.eval("toJSON", .list([])) == #""[]""#)
        #expect(H.eval("toJSON", ev.makeAttrs([]), in: ev) == #""{}""#)
        let floats: [Double] = [0.1, 1.0, 1.0e20, 1.0e-7, 123456789.0, 1.5e300, 0, 3.14159265358979, 100000.0, 1000000.0, 1.0e21,
                                0.000123, 1.0 / 3.0, 2.0e-5, 1234567.0, 12345.678, 0.0001, 1.0e15, 1.0e16, 1.0e17, 123456789012345678.0,
                                1.7976931348623157e308, 0.00001, 999999.5, 9999995.0, .infinity, -.infinity, -0.0]
        #expect(H.eval("toJSON", .list(floats.map { .float($0) }))
            == #""[0.1,1,1e+20,1e-07,1.23457e+08,1.5e+300,0,3.14159,100000,1e+06,1e+21,0.000123,0.333333,2e-05,1.23457e+06,12345.7,0.0001,1e+15,1e+16,1e+17,1.23457e+17,1.79769e+308,1e-05,1e+06,1e+07,inf,-inf,-0]""#)
        #expect(H.eval("toJSON", .string("a\"b\\c\nd\re\tf\u{1}\u{1f}\u{7f}\u{8}\u{c}/é"))
            == "\"\\\"a\\\\\\\"b\\\\\\\\c\\\\nd\\\\re\\\\tf\\\\u0001\\\\u001f\u{7f}\\\\u0008\\\\u000c/é\\\"\"")
    }

    @Test("toJSON of a set uses __toString first, then outPath")
    func toJSONSpecialSets() {
        let ev = Evaluator()
        let toStr = PrimOp("f", arity: 1, doc: "") { _, _, _ in .string("x") }
        #expect(H.eval("toJSON", ev.makeAttrs([("__toString", .primop(toStr)), ("outPath", .string("/o"))]), in: ev) == #""\"x\"""#)
        #expect(H.eval("toJSON", ev.makeAttrs([("outPath", .string("/x")), ("a", .int(1))]), in: ev) == #""\"/x\"""#)
        #expect(H.eval("toJSON", ev.makeAttrs([("outPath", .int(1))]), in: ev) == #""1""#)
        let nested = ev.makeAttrs([("outPath", ev.makeAttrs([("outPath", .string("/deep"))]))])
        #expect(H.eval("toJSON", nested, in: ev) == #""\"/deep\"""#)
    }

    @Test("toJSON refuses functions with Nix's messages and marks the enclosing attributes in the trace")
    func toJSONErrors() throws {
        let ev = Evaluator()
        let map = PrimOp("map", arity: 2, doc: "") { _, _, _ in .null }
        #expect(H.eval("toJSON", .primop(map)) == "error: cannot convert the built-in function 'map' to JSON")
        #expect(H.eval("toJSON", .primopApp(PrimOpApp(op: map, args: [.int(1)]))) == "error: cannot convert the partially applied built-in function 'map' to JSON")
        let inner = ev.makeAttrs([("b", .list([.int(1), .primop(map)]))])
        do {
            _ = try H.call("toJSON", ev.makeAttrs([("a", inner)]), in: ev)
            Issue.record("no error")
        } catch let e as EvalError {
            #expect(e.message == "cannot convert the built-in function 'map' to JSON")
            #expect(e.trace.map(\.message) == ["message for the trace", "message for the trace"])
        }
    }

    @Test("toJSON keeps the context of the strings it writes")
    func toJSONContext() throws {
        let s = NixString("/nix/store/x", context: StringContext("/nix/store/x"))
        guard case .string(let out) = try H.call("toJSON", .list([.string(s)])) else { Issue.record("not a string"); return }
        #expect(out.string == #"["/nix/store/x"]"#)
        #expect(out.context.elements == ["/nix/store/x"])
    }

    @Test("JSON written by toJSON reads back to the same value")
    func roundTrip() throws {
        let ev = Evaluator()
        let v = ev.makeAttrs([("list", .list([.int(-9223372036854775807 - 1), .float(2.5), .string("\u{1}é😀"), .null])), ("t", .bool(true))])
        guard case .string(let text) = try H.call("toJSON", v, in: ev) else { Issue.record("not a string"); return }
        #expect(H.eval("fromJSON", .string(text.string), in: ev) == H.show(v, ev))
    }

    @Test("printJSON without strict refuses values not yet evaluated, as nix-instantiate --json does")
    func nonStrict() throws {
        let ev = Evaluator()
        let pending = Value.thunk(Thunk(.native { _ in .int(2) }))
        let done = Value.thunk(Thunk(value: .float(1.5)))
        let v = ev.makeAttrs([("a", done), ("b", pending)])
        #expect(throws: EvalError.self) { try ev.printJSON(v, at: .none, copyToStore: true, strict: false) }
        do {
            _ = try ev.printJSON(v, at: .none, copyToStore: true, strict: false)
        } catch let e as EvalError {
            #expect(e.message == "cannot convert a thunk to JSON")
        }
        #expect(try ev.printJSON(v, at: .none, copyToStore: true, strict: true) == #"{"a":1.5,"b":2}"#)
    }
}
