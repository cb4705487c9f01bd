// fromTOML against nix-instantiate 2.8: every kind of value, tables and
// arrays of tables with the redefinition rules of Nix's TOML library,
// numbers at the 64-bit limits, and documents Nix refuses, with its messages.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsTOMLTests {
    typealias H = StringBuiltinsHarness

    /// (document, what nix-instantiate prints for fromTOML of it, or its error message without
    /// the indentation Nix's renderer adds to continuation lines)
    static let cases: [(String, String)] = [
        ("a = 1\u{a}", "{ a = 1; }"),
        ("a = 0x10\u{a}b = 0o17\u{a}c = 0b101\u{a}d = 1_000\u{a}e = +5\u{a}f = -0\u{a}g = 3.14\u{a}h = -inf\u{a}i = nan\u{a}j = 1e10\u{a}k = true\u{a}l = \"s\\u00e9\"\u{a}m = 'lit'\u{a}n = \"\"\"\u{a}multi\u{a}line\"\"\"\u{a}o = [1, \"a\", [2]]\u{a}p = {x = 1, y.z = 2}\u{a}", "{ a = 16; b = 15; c = 5; d = 1000; e = 5; f = 0; g = 3.14; h = -inf; i = nan; j = 1e+10; k = true; l = \"sé\"; m = \"lit\"; n = \"multi\\nline\"; o = [ 1 \"a\" [ 2 ] ]; p = { x = 1; y = { z = 2; }; }; }"),
        ("[a.b]\u{a}c = 1\u{a}[[arr]]\u{a}x = 1\u{a}[[arr]]\u{a}x = 2\u{a}", "{ a = { b = { c = 1; }; }; arr = [ { x = 1; } { x = 2; } ]; }"),
        ("a = 1\u{a}a = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1\u{a}   |     ^--- value already exists here\u{a} ...\u{a} 2 | a = 2\u{a}   |     ^--- value defined twice"),
        ("[a]\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a]\u{a}   | ~~~ table already exists here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ table defined twice"),
        ("a = 9223372036854775808\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 01\u{a}", "error: while parsing a TOML string: [error] bad integer: leading zero\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 01\u{a}   |     ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 1__0\u{a}", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1__0\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a.b = 1\u{a}[a]\u{a}", "{ a = { b = 1; }; }"),
        ("[a.b]\u{a}[a]\u{a}c=1\u{a}", "{ a = { b = { }; c = 1; }; }"),
        ("a = {x=1}\u{a}[a.y]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {x=1}\u{a}   |     ~~~~~ inline tables are immutable\u{a} ...\u{a} 2 | [a.y]\u{a}   | ~~~~~ inserting this"),
        ("a = [1]\u{a}[[a]]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") collides with existing value\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [1]\u{a}   |     ~~~ this array value already exists\u{a} ...\u{a} 2 | [[a]]\u{a}   | ~~~~~ while inserting this array-of-tables"),
        ("a = \"\\x\"\u{a}", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\\x\"\u{a}   |     ^--- here"),
        ("a = 1 b = 2\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1 b = 2\u{a}   |       ^--- expected newline, but got 'b'."),
        ("a = nan\u{a}b = -nan\u{a}c = +inf\u{a}", "{ a = nan; b = -nan; c = inf; }"),
        ("a = 1.\u{a}", "error: while parsing a TOML string: [error] bad float: invalid format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1.\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = .5\u{a}", "error: while parsing a TOML string: [error] bad float: invalid format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = .5\u{a}   |     ^--- integer part required before this\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = 1e\u{a}", "error: while parsing a TOML string: [error] bad float: invalid format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1e\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = 0x\u{a}", "error: while parsing a TOML string: [error] toml::parse_hexadecimal_integer\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 0x\u{a}   |     ^--- the next token is not an integer"),
        ("a = -0x1\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = -0x1\u{a}   |       ^--- expected newline, but got 'x'."),
        ("\"\" = 1\u{a}", "{ \"\" = 1; }"),
        ("a = { }\u{a}", "{ a = { }; }"),
        ("a = {x = 1,}\u{a}", "error: while parsing a TOML string: [error] toml::parse_inline_table: trailing comma is not allowed in an inline table\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {x = 1,}\u{a}   |            ^--- should be `}`"),
        ("a = [\u{a}1, # c\u{a}2,\u{a}]\u{a}", "{ a = [ 1 2 ]; }"),
        ("a = -9223372036854775809\u{a}", "{ a = -9223372036854775808; }"),
        ("a = 99999999999999999999\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 0xFFFFFFFFFFFFFFFF\u{a}", "{ a = 9223372036854775807; }"),
        ("a = 1e400\u{a}", "{ a = 1.79769e+308; }"),
        ("a = -1e400\u{a}", "{ a = -1.79769e+308; }"),
        ("a = 1e-400\u{a}", "{ a = 0; }"),
        ("a = 1e07\u{a}", "{ a = 1e+07; }"),
        ("a = 0.1_5\u{a}", "{ a = 0.15; }"),
        ("a = 00.5\u{a}", "error: while parsing a TOML string: [error] bad integer: leading zero\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 00.5\u{a}   |     ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
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
        ("a = \"\\ud800\"\u{a}", "error: while parsing a TOML string: [error] toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\\ud800\"\u{a}   |            ^--- not a valid UTF-8 codepoint"),
        ("[a]\u{a}b.c = 1\u{a}[a.b]\u{a}", "{ a = { b = { c = 1; }; }; }"),
        ("[a]\u{a}b = 1\u{a}[a.b]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 2 | b = 1\u{a}   |     ^--- value already exists here\u{a} ...\u{a} 3 | [a.b]\u{a}   | ~~~~~ value defined twice"),
        ("[a.b.c]\u{a}[a.b]\u{a}[a]\u{a}", "{ a = { b = { c = { }; }; }; }"),
        ("[[a]]\u{a}[a.b]\u{a}c=1\u{a}[[a]]\u{a}[a.b]\u{a}c=2\u{a}", "{ a = [ { b = { c = 1; }; } { b = { c = 2; }; } ]; }"),
        ("[[a.b]]\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [[a.b]]\u{a}   | ~~~~~~~ table already exists here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ table defined twice"),
        ("[a]\u{a}[[a.b]]\u{a}[[a.b]]\u{a}x=1\u{a}", "{ a = { b = [ { } { x = 1; } ]; }; }"),
        ("a.b.c = 1\u{a}a.b.d = 2\u{a}a.e = 3\u{a}", "{ a = { b = { c = 1; d = 2; }; e = 3; }; }"),
        ("a.b = 1\u{a}a.b.c = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: target (a.b) is neither table nor an array of tables\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.b = 1\u{a}   |       ^--- actual type is integer\u{a} ...\u{a} 2 | a.b.c = 2\u{a}   |         ^--- inserting this"),
        ("a = {b = {c = 1}}\u{a}a.b.d = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b = {c = 1}}\u{a}   |     ~~~~~~~~~~~~~ inline tables are immutable\u{a} ...\u{a} 2 | a.b.d = 2\u{a}   |         ^--- inserting this"),
        ("a = {b = 1, b = 2}\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"b\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b = 1, b = 2}\u{a}   |          ^--- value already exists here\u{a} ...\u{a} 1 | a = {b = 1, b = 2}\u{a}   |                 ^--- value defined twice"),
        ("a = {b.c = 1, b.d = 2}\u{a}", "{ a = { b = { c = 1; d = 2; }; }; }"),
        ("a = {b = {c=1}, b.d = 2}\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (b) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b = {c=1}, b.d = 2}\u{a}   |          ~~~~~ inline tables are immutable\u{a} ...\u{a} 1 | a = {b = {c=1}, b.d = 2}\u{a}   |                       ^--- inserting this"),
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
        ("a = [1,,2]\u{a}", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [1,,2]\u{a}   |     ^--- array starts here\u{a} ...\u{a} 1 | a = [1,,2]\u{a}   |        ^--- it is not a valid value."),
        ("a = [,]\u{a}", "error: while parsing a TOML string: [error] toml::parse_array: value having invalid format appeared in an array\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [,]\u{a}   |     ^--- array starts here\u{a} ...\u{a} 1 | a = [,]\u{a}   |      ^--- it is not a valid value."),
        ("a = {a=1\u{a}}\u{a}", "error: while parsing a TOML string: [error] toml::parse_inline_table: missing curly brace `}`\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {a=1\u{a}   |         ^--- should be `}`"),
        ("a = [{a=1}, {b=2}]\u{a}", "{ a = [ { a = 1; } { b = 2; } ]; }"),
        ("# only comment\u{a}\u{a}\u{a}\u{a}", "{ }"),
        ("\u{a}", "{ }"),
        ("a = 1 # comment\u{a}", "{ a = 1; }"),
        ("a=1\u{d}\u{a}b=2\u{d}\u{a}\u{a}", "{ a = 1; b = 2; }"),
        ("a = tru\u{a}", "error: while parsing a TOML string: [error] toml::parse_boolean:\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = tru\u{a}   |     ^--- the next token is not a boolean"),
        ("a = True\u{a}", "error: while parsing a TOML string: [error] bad format: unknown value appeared\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = True\u{a}   |     ^--- here"),
        ("a = inf\u{a}b = -inf\u{a}c = +nan\u{a}", "{ a = inf; b = -inf; c = nan; }"),
        ("a = 1_000_000\u{a}", "{ a = 1000000; }"),
        ("a = _1\u{a}", "error: while parsing a TOML string: [error] bad number: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = _1\u{a}   |     ^--- `_` is not surrounded by digits\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 1_\u{a}", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1_\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 0_1\u{a}", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 0_1\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = +0x1\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = +0x1\u{a}   |       ^--- expected newline, but got 'x'."),
        ("a = 0X1\u{a}", "error: while parsing a TOML string: [error] toml::parse_integer: unknown integer prefix appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 0X1\u{a}   |     ^--- none of 0x, 0o, 0b"),
        ("a = 1.0e+2\u{a}", "{ a = 100; }"),
        ("a = 1.0E-2\u{a}", "{ a = 0.01; }"),
        ("a = 1.5_e2\u{a}", "error: while parsing a TOML string: [error] bad float: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1.5_e2\u{a}   |        ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = 6.02e23\u{a}", "{ a = 6.02e+23; }"),
        ("a = 3.\u{a}", "error: while parsing a TOML string: [error] bad float: invalid format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 3.\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
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
        ("a = 1\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1\u{a}   |     ^--- value already exists here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ value defined twice"),
        ("[a]\u{a}b = 1\u{a}[a]\u{a}c = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a]\u{a}   | ~~~ table already exists here\u{a} ...\u{a} 3 | [a]\u{a}   | ~~~ table defined twice"),
        ("[a]\u{a}\u{a}", "{ a = { }; }"),
        ("[]\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | []\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("[a.]\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a.]\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a =\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='\u{a} --> fromTOML\u{a}   |\u{a} 1 | a =\u{a}   |    ^--- expected value, but got nothing"),
        ("= 1\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed.\u{a} --> fromTOML\u{a}   |\u{a} 1 | = 1\u{a}   | ^--- key expected before '='"),
        ("a = \"\\u0000x\"\u{a}", "{ a = \"\"; }"),
        ("a = 1979-05-27T07:32:00Z\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = 1979-05-27T07:32\u{a}", "error: while parsing a TOML string: [error] bad time: should be HH:MM:SS.subsec\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1979-05-27T07:32\u{a}   |               ^--- HH:MM:SS.subsec\u{a}   |\u{a}Hint: pass: 1979-05-27T07:32:00, 1979-05-27 07:32:00.999999\u{a}Hint: fail: 1979-05-27T7:32:00, 1979-05-27 17:32"),
        ("a = 07:32\u{a}", "error: while parsing a TOML string: [error] bad integer: leading zero\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 07:32\u{a}   |     ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 1979-13-45\u{a}", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1979-13-45\u{a}   |               ^--- month should be 01-12, day should be 01-28,29,30,31, depending on month/year."),
        ("x = 1\u{a}y = [1979-05-27]\u{a}", "error: while parsing a TOML string: Dates and times are not supported"),
        ("a = \"\"\"\u{a}foo\\\u{a}\u{a}   bar\"\"\"\u{a}", "{ a = \"foobar\"; }"),
        ("a = \"x\" \"y\"\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"x\" \"y\"\u{a}   |         ^--- expected newline, but got '\"'."),
        ("a = [1 2]\u{a}", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [1 2]\u{a}   |     ^--- array starts here\u{a} ...\u{a} 1 | a = [1 2]\u{a}   |        ^--- should be `,`"),
        ("key = \"value\"\u{a}[table]\u{a}key = 1\u{a}[table.sub]\u{a}k2 = [1, 2, 3]\u{a}[[aot]]\u{a}n = 1\u{a}[[aot]]\u{a}n = 2\u{a}[[aot.sub]]\u{a}q = 1\u{a}", "{ aot = [ { n = 1; } { n = 2; sub = [ { q = 1; } ]; } ]; key = \"value\"; table = { key = 1; sub = { k2 = [ 1 2 3 ]; }; }; }"),
        ("a = {x = [1, {y = 2}], z.w = \"s\"}\u{a}", "{ a = { x = [ 1 { y = 2; } ]; z = { w = \"s\"; }; }; }"),
        ("a.b = {c = 1}\u{a}a.b.d = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a.b) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.b = {c = 1}\u{a}   |       ~~~~~~~ inline tables are immutable\u{a} ...\u{a} 2 | a.b.d = 2\u{a}   |         ^--- inserting this"),
        ("[a]\u{a}b = {c = 1}\u{a}[a.b.d]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a.b) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 2 | b = {c = 1}\u{a}   |     ~~~~~~~ inline tables are immutable\u{a} ...\u{a} 3 | [a.b.d]\u{a}   | ~~~~~~~ inserting this"),
        ("a = 1\u{a}\u{a}\u{a}[b]\u{a}\u{a}\u{a}c = 2\u{a}", "{ a = 1; b = { c = 2; }; }"),
        ("b = [{x=1}]\u{a}b.y = 2\u{a}", "{ b = [ { x = 1; y = 2; } ]; }"),
        ("b = [{x=1}]\u{a}[b.z]\u{a}", "{ b = [ { x = 1; z = { }; } ]; }"),
        ("b = [{x=1}]\u{a}[[b.z]]\u{a}", "{ b = [ { x = 1; z = [ { } ]; } ]; }"),
        ("[[b]]\u{a}x=1\u{a}[b.y]\u{a}z=2\u{a}", "{ b = [ { x = 1; y = { z = 2; }; } ]; }"),
        ("a = [{x=1}]\u{a}[[a]]\u{a}y=2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") collides with existing array-of-tables\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [{x=1}]\u{a}   |     ~~~~~~~ this array value has static size\u{a} ...\u{a} 2 | [[a]]\u{a}   | ~~~~~ appending it to the statically sized array"),
        ("a = [{x=1}, 2]\u{a}a.y = 1\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: target (a) is neither table nor an array of tables\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [{x=1}, 2]\u{a}   |             ^--- actual type is integer\u{a} ...\u{a} 2 | a.y = 1\u{a}   |       ^--- inserting this"),
        ("a = [{x=1}]\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [{x=1}]\u{a}   |     ~~~~~~~ array of tables defined here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ table conflicts with the previous array of table"),
        ("a = [1, {x=1}]\u{a}a.y = 1\u{a}", "{ a = [ 1 { x = 1; y = 1; } ]; }"),
        ("a = {}\u{a}a = {}\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {}\u{a}   |     ~~ table already exists here\u{a} ...\u{a} 2 | a = {}\u{a}   |     ~~ table defined twice"),
        ("a = {x=1}\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {x=1}\u{a}   |     ~~~~~ table already exists here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ table defined twice"),
        ("\"q k\" = { p = 1 }\u{a}[\"q k\"]\u{a}x = 0X1\u{a}", "error: while parsing a TOML string: [error] toml::parse_integer: unknown integer prefix appeared.\u{a} --> fromTOML\u{a}   |\u{a} 3 | x = 0X1\u{a}   |     ^--- none of 0x, 0o, 0b"),
        ("a = \"\"\"m\u{a}l\"\"\"\u{a}a = 1\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\"\"m\u{a}   |     ~~~~~~~~ value already exists here\u{a} ...\u{a} 3 | a = 1\u{a}   |     ^--- value defined twice"),
        ("b.c = \"\"\"m\u{a}l\"\"\"\u{a}b.c = 1\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"b.c\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | b.c = \"\"\"m\u{a}   |       ~~~~~~~~~ value already exists here\u{a} ...\u{a} 3 | b.c = 1\u{a}   |       ^--- value defined twice"),
        ("b = 07:32:00\u{a}[[b.c]]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: target (b) is neither table nor an array of tables\u{a} --> fromTOML\u{a}   |\u{a} 1 | b = 07:32:00\u{a}   |     ~~~~~~~~ actual type is local_time\u{a} ...\u{a} 2 | [[b.c]]\u{a}   | ~~~~~~~ inserting this"),
        ("a.b = 1979-05-27T07:32:00Z\u{a}[[a.b]]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a.b\") collides with existing value\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.b = 1979-05-27T07:32:00Z\u{a}   |       ~~~~~~~~~~~~~~~~~~~~ this offset_datetime value already exists\u{a} ...\u{a} 2 | [[a.b]]\u{a}   | ~~~~~~~ while inserting this array-of-tables"),
        ("[a.b]\u{a}c=1\u{a}[a]\u{a}b.d=2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a.b]\u{a}   | ~~~~~ already exists here\u{a} ...\u{a} 3 | [a]\u{a}   | ~~~ this defined twice"),
        ("s\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`\u{a} --> fromTOML\u{a}   |\u{a} 1 | s\u{a}   |  ^--- should be `=`"),
        ("a = \u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing value after key-value separator '='\u{a} --> fromTOML\u{a}   |\u{a} 1 | a =\u{a}   |     ^--- expected value, but got nothing"),
        ("a = 1 b\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1 b\u{a}   |       ^--- expected newline, but got 'b'."),
        ("a = \"x\u{a}", "error: while parsing a TOML string: [error] toml::parse_basic_string: the next token is not a valid string\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"x\u{a}   |     ^--- here"),
        ("a = 'x\u{a}", "error: while parsing a TOML string: [error] toml::parse_literal_string: the next token is not a valid literal string\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 'x\u{a}   |     ^--- here"),
        ("a = [1\u{a}", "error: while parsing a TOML string: [error] toml::parse_array: missing array separator `,` after a value\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [1\u{a}   |     ^--- array starts here\u{a} ...\u{a} 2 |\u{a}   | ^--- should be `,`"),
        ("a = {b=1\u{a}", "error: while parsing a TOML string: [error] toml::parse_inline_table: missing curly brace `}`\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b=1\u{a}   |         ^--- should be `}`"),
        ("[a\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("[[a]\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [[a]\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a = x\u{a}", "error: while parsing a TOML string: [error] bad format: unknown value appeared\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = x\u{a}   |     ^--- here"),
        ("a = 1979-13-01\u{a}", "error: while parsing a TOML string: [error] toml::parse_date: invalid date: it does not conform RFC3339.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1979-13-01\u{a}   |               ^--- month should be 01-12, day should be 01-28,29,30,31, depending on month/year."),
        ("a.=1\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: invalid format for key\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.=1\u{a}   |  ^--- invalid character in key\u{a}   |\u{a}Hint: Did you forget '.' to separate dotted-key?\u{a}Hint: Allowed characters for bare key are [0-9a-zA-Z_-]."),
        ("a = \"\"\"x\u{a}", "error: while parsing a TOML string: [error] toml::parse_ml_basic_string: the next token is not a valid multiline string\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\"\"x\u{a}   |     ^--- here"),
        ("a = {b=1 c=2}\u{a}", "error: while parsing a TOML string: [error] toml::parse_inline_table: missing table separator `,`\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b=1 c=2}\u{a}   |          ^--- should be `,`"),
        ("a = 0b2\u{a}", "error: while parsing a TOML string: [error] toml::parse_binary_integer:\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 0b2\u{a}   |     ^--- the next token is not an integer"),
        ("a = 1\u{a}b = 2\u{a}a = 3\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1\u{a}   |     ^--- value already exists here\u{a} ...\u{a} 3 | a = 3\u{a}   |     ^--- value defined twice"),
        ("[a]\u{a}x=1\u{a}[b]\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: table (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a]\u{a}   | ~~~ table already exists here\u{a} ...\u{a} 4 | [a]\u{a}   | ~~~ table defined twice"),
        ("a = {x = 1}\u{a}a.y = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: inserting to an inline table (a) but inline tables are immutable\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {x = 1}\u{a}   |     ~~~~~~~ inline tables are immutable\u{a} ...\u{a} 2 | a.y = 2\u{a}   |       ^--- inserting this"),
        ("a.b = 1\u{a}a.b = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.b = 1\u{a}   |       ^--- value already exists here\u{a} ...\u{a} 2 | a.b = 2\u{a}   |       ^--- value defined twice"),
        ("[a]\u{a}b=1\u{a}[a.b]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a.b\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 2 | b=1\u{a}   |   ^--- value already exists here\u{a} ...\u{a} 3 | [a.b]\u{a}   | ~~~~~ value defined twice"),
        ("a = 1  # c\u{a}  a   =   2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1  # c\u{a}   |     ^--- value already exists here\u{a} ...\u{a} 2 |   a   =   2\u{a}   |           ^--- value defined twice"),
        ("a = '''x\u{a}", "error: while parsing a TOML string: [error] toml::parse_ml_literal_string: the next token is not a valid multiline literal string\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = '''x\u{a}   |     ^--- here"),
        ("a b = 1\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: invalid format for key\u{a} --> fromTOML\u{a}   |\u{a} 1 | a b = 1\u{a}   |  ^--- invalid character in key\u{a}   |\u{a}Hint: Did you forget '.' to separate dotted-key?\u{a}Hint: Allowed characters for bare key are [0-9a-zA-Z_-]."),
        ("a = 1,\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1,\u{a}   |      ^--- expected newline, but got ','."),
        ("a = 1 # x\u{a}b c\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: missing key-value separator `=`\u{a} --> fromTOML\u{a}   |\u{a} 2 | b c\u{a}   |  ^--- should be `=`"),
        ("  = 1\u{a}", "error: while parsing a TOML string: [error] toml::parse_key_value_pair: empty key is not allowed.\u{a} --> fromTOML\u{a}   |\u{a} 1 |   = 1\u{a}   |   ^--- key expected before '='"),
        ("a = \"\"\"x\"\"\"y\u{a}", "error: while parsing a TOML string: [error] toml::parse_table: invalid line format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\"\"x\"\"\"y\u{a}   |            ^--- expected newline, but got 'y'."),
        ("x = 1\u{a}\u{a}\u{a}\u{a}\u{a}\u{a}\u{a}\u{a}\u{a}\u{a}x = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"x\") already exists.\u{a} --> fromTOML\u{a}    |\u{a}  1 | x = 1\u{a}    |     ^--- value already exists here\u{a} ...\u{a} 11 | x = 2\u{a}    |     ^--- value defined twice"),
        ("a = 123\u{a}a = \"abc\"\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 123\u{a}   |     ~~~ value already exists here\u{a} ...\u{a} 2 | a = \"abc\"\u{a}   |     ~~~~~ value defined twice"),
        ("a = [1, 2]\u{a}[[a]]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") collides with existing value\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = [1, 2]\u{a}   |     ~~~~~~ this array value already exists\u{a} ...\u{a} 2 | [[a]]\u{a}   | ~~~~~ while inserting this array-of-tables"),
        ("[a]\u{a}[[a]]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of table (\"a\") cannot be defined\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a]\u{a}   | ~~~ table already defined\u{a} ...\u{a} 2 | [[a]]\u{a}   | ~~~~~ this conflicts with the previous table"),
        ("[[a]]\u{a}[a]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: array of tables (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [[a]]\u{a}   | ~~~~~ array of tables defined here\u{a} ...\u{a} 2 | [a]\u{a}   | ~~~ table conflicts with the previous array of table"),
        ("a.b = 1\u{a}a = 2\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a.b = 1\u{a}   | ~~~ value already exists here\u{a} ...\u{a} 2 | a = 2\u{a}   |     ^--- value defined twice"),
        ("[,]\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [,]\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("[1,,2]\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | [1,,2]\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a = {,}\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {,}\u{a}   |      ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a = {b=1,,c=2}\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = {b=1,,c=2}\u{a}   |          ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a = 0o9\u{a}", "error: while parsing a TOML string: [error] toml::parse_octal_integer:\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 0o9\u{a}   |     ^--- the next token is not an integer"),
        ("a = 1.0_\u{a}", "error: while parsing a TOML string: [error] bad float: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1.0_\u{a}   |        ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = 1_.0\u{a}", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1_.0\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 1e_1\u{a}", "error: while parsing a TOML string: [error] bad float: invalid format\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1e_1\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan\u{a}Hint: fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"),
        ("a = \"\\U00110000\"\u{a}", "error: while parsing a TOML string: [error] toml::read_utf8_codepoint: input codepoint is too large.\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = \"\\U00110000\"\u{a}   |                ^--- should be in [0x00..0x10FFFF]"),
        ("a = nope\u{a}", "error: while parsing a TOML string: [error] toml::parse_floating:\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = nope\u{a}   |     ^--- the next token is not a float"),
        ("a = +\u{a}", "error: while parsing a TOML string: [error] bad format: unknown value appeared\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = +\u{a}   |     ^--- here"),
        ("[a] x\u{a}", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a] x\u{a}   |    ^--- expected newline"),
        ("[a]]\u{a}", "error: while parsing a TOML string: [error] toml::parse_table_key: newline required after [table.key]\u{a} --> fromTOML\u{a}   |\u{a} 1 | [a]]\u{a}   |    ^--- expected newline"),
        ("% = 1\u{a}", "error: while parsing a TOML string: [error] toml::parse_key: an invalid key appeared.\u{a} --> fromTOML\u{a}   |\u{a} 1 | % = 1\u{a}   | ^--- is not a valid key\u{a}   |\u{a}Hint: bare keys  : non-empty strings composed only of [A-Za-z0-9_-].\u{a}Hint: quoted keys: same as \"basic strings\" or 'literal strings'.\u{a}Hint: dotted keys: sequence of bare or quoted keys joined with a dot."),
        ("a = 1\u{a}[a.b]\u{a}", "error: while parsing a TOML string: [error] toml::insert_value: target (a) is neither table nor an array of tables\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1\u{a}   |     ^--- actual type is integer\u{a} ...\u{a} 2 | [a.b]\u{a}   | ~~~~~ inserting this"),
        ("a = 01.5\u{a}", "error: while parsing a TOML string: [error] bad integer: leading zero\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 01.5\u{a}   |     ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
        ("a = 1__0.5\u{a}", "error: while parsing a TOML string: [error] bad integer: `_` should be surrounded by digits\u{a} --> fromTOML\u{a}   |\u{a} 1 | a = 1__0.5\u{a}   |      ^--- here\u{a}   |\u{a}Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755\u{a}Hint: fail: 1__000, 0123"),
    ]

    @Test("fromTOML gives Nix's values, and refuses what Nix refuses")
    func agreesWithNix() {
        let ev = Evaluator()
        for (document, expected) in Self.cases {
            #expect(H.eval("fromTOML", .string(document), in: ev) == expected, "fromTOML \(document.debugDescription)")
        }
    }

    @Test("TOML errors far down a document widen the line-number gutter as Nix's do")
    func errorGutter() {
        let doc = "x = 1\n" + String(repeating: "\n", count: 9) + "x = 2\n"
        #expect(H.eval("fromTOML", .string(doc)) == """
            error: while parsing a TOML string: [error] toml::insert_value: value ("x") already exists.
             --> fromTOML
                |
              1 | x = 1
                |     ^--- value already exists here
             ...
             11 | x = 2
                |     ^--- value defined twice
            """)
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
