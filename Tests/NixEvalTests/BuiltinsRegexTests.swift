// match and split against nix-instantiate 2.8: the syntax Nix accepts and
// refuses (with its messages), which alternative and which loop round a
// group reports, split's shape around empty matches, and limits.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsRegexTests {
    typealias H = StringBuiltinsHarness

    /// (pattern, subject, what nix-instantiate prints for `[ (match p s) (split p s) ]`, or its error line).
    /// Hand-picked cases first, then patterns generated at random.
    static let cases: [(String, String, String)] = [
        ("a(b)?", "a", "[ [ null ] [ \"\" [ null ] \"\" ] ]"),
        ("(a|ab)(c|bcd)(d*)", "abcd", "[ [ \"a\" \"bcd\" \"\" ] [ \"\" [ \"a\" \"bcd\" \"\" ] \"\" ] ]"),
        ("(a|b)*", "ab", "[ [ \"b\" ] [ \"\" [ \"b\" ] \"\" [ null ] \"\" ] ]"),
        ("a*", "baaac", "[ null [ \"\" [ ] \"b\" [ ] \"\" [ ] \"c\" [ ] \"\" ] ]"),
        ("", "abc", "[ null [ \"\" [ ] \"a\" [ ] \"b\" [ ] \"c\" [ ] \"\" ] ]"),
        ("x*", "abc", "[ null [ \"\" [ ] \"a\" [ ] \"b\" [ ] \"c\" [ ] \"\" ] ]"),
        ("(.*)", "a\u{a}b", "[ [ \"a\\nb\" ] [ \"\" [ \"a\\nb\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("([^.]*)\\.(.*)", "foo.bar.baz", "[ [ \"foo\" \"bar.baz\" ] [ \"\" [ \"foo\" \"bar.baz\" ] \"\" ] ]"),
        ("[[:space:]]*([^[:space:]].*)", "  hi there", "[ [ \"hi there\" ] [ \"\" [ \"hi there\" ] \"\" ] ]"),
        ("(.*)/([^/]*)", "/a/b/c", "[ [ \"/a/b\" \"c\" ] [ \"\" [ \"/a/b\" \"c\" ] \"\" ] ]"),
        ("^[0-9]+$", "12345", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("[a-zA-Z_][a-zA-Z0-9_'-]*", "foo'-bar", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("\\.", "a.b", "[ null [ \"a\" [ ] \"b\" ] ]"),
        (",", "a,b,,c", "[ null [ \"a\" [ ] \"b\" [ ] \"\" [ ] \"c\" ] ]"),
        ("(,)", "a,b", "[ null [ \"a\" [ \",\" ] \"b\" ] ]"),
        ("(a)|b", "cbca", "[ null [ \"c\" [ null ] \"c\" [ \"a\" ] \"\" ] ]"),
        ("^a", "aaa", "[ null [ \"\" [ ] \"aa\" ] ]"),
        ("a$", "aaa", "[ null [ \"aa\" [ ] \"\" ] ]"),
        ("(^a)|b", "ab", "[ null [ \"\" [ \"a\" ] \"\" [ null ] \"\" ] ]"),
        ("é", "café", "[ null [ \"caf\" [ ] \"\" ] ]"),
        ("[[:alpha:]]+", "ab12cd", "[ null [ \"\" [ ] \"12\" [ ] \"\" ] ]"),
        ("([0-9]+)", "v1.22.333", "[ null [ \"v\" [ \"1\" ] \".\" [ \"22\" ] \".\" [ \"333\" ] \"\" ] ]"),
        ("(x)?y", "yxy", "[ null [ \"\" [ null ] \"\" [ \"x\" ] \"\" ] ]"),
        ("((a)|b)+", "ab", "[ [ \"b\" \"a\" ] [ \"\" [ \"b\" \"a\" ] \"\" ] ]"),
        ("(a*)+", "b", "[ null [ \"\" [ \"\" ] \"b\" [ \"\" ] \"\" ] ]"),
        ("(a*)*", "aa", "[ [ \"\" ] [ \"\" [ \"\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("(a|)+", "aaa", "[ [ \"\" ] [ \"\" [ \"\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("()", "ab", "[ null [ \"\" [ \"\" ] \"a\" [ \"\" ] \"b\" [ \"\" ] \"\" ] ]"),
        ("a{2,3}", "aaaaaaa", "[ null [ \"\" [ ] \"\" [ ] \"a\" ] ]"),
        ("[]a]+", "]a]", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("[^]a]+", "b]c", "[ null [ \"\" [ ] \"]\" [ ] \"\" ] ]"),
        ("[a-]+", "a-b", "[ null [ \"\" [ ] \"b\" ] ]"),
        ("[[.hyphen.]]", "a-b", "[ null [ \"a\" [ ] \"b\" ] ]"),
        ("[[=a=]]", "Aa", "[ null [ \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("[[:w:]]+", "a_b c", "[ null [ \"\" [ ] \" \" [ ] \"\" ] ]"),
        ("[[:ALPHA:]]", "q", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("(a|(b))*", "ba", "[ [ \"a\" \"b\" ] [ \"\" [ \"a\" \"b\" ] \"\" [ null null ] \"\" ] ]"),
        ("(a+|b+)*", "aabba", "[ [ \"a\" ] [ \"\" [ \"a\" ] \"\" [ null ] \"\" ] ]"),
        ("[\\]", "a\\b", "[ null [ \"a\" [ ] \"b\" ] ]"),
        ("a|b|c", "xcba", "[ null [ \"x\" [ ] \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "abcdefghijk", "[ [ \"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\" \"k\" ] [ \"\" [ \"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\" \"k\" ] \"\" ] ]"),
        ("a{0}", "aa", "[ null [ \"\" [ ] \"a\" [ ] \"a\" [ ] \"\" ] ]"),
        ("x{0,0}y", "xy", "[ null [ \"x\" [ ] \"\" ] ]"),
        ("a{2147483648}", "a", "[ null [ \"\" [ ] \"a\" [ ] \"\" ] ]"),
        ("a{4294967297}", "a", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("}", "}", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("]", "]", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("a**", "aaa", "[ [ ] [ \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("a+?", "aaa", "[ [ ] [ \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("(|a)+", "aa", "[ [ \"\" ] [ \"\" [ \"\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("[[:upper:]]([[:lower:]]+)", "Hello World", "[ null [ \"\" [ \"ello\" ] \" \" [ \"orld\" ] \"\" ] ]"),
        ("\\$\\{([^}]*)\\}", "a ${b} c ${d}", "error: invalid regular expression '\\$\\{([^}]*)\\}'"),
        ("([^ ]+) ([^ ]+)", "first second", "[ [ \"first\" \"second\" ] [ \"\" [ \"first\" \"second\" ] \"\" ] ]"),
        ("(", "a", "error: invalid regular expression '('"),
        ("[", "a", "error: invalid regular expression '['"),
        ("a{2,1}", "a", "error: invalid regular expression 'a{2,1}'"),
        ("\\d", "1", "error: invalid regular expression '\\d'"),
        ("*a", "a", "error: invalid regular expression '*a'"),
        ("a{99999}", "a", "error: memory limit exceeded by regular expression 'a{99999}'"),
        ("a)", "a", "error: invalid regular expression 'a)'"),
        ("[z-a]", "a", "error: invalid regular expression '[z-a]'"),
        ("[[:foo:]]", "a", "error: invalid regular expression '[[:foo:]]'"),
        ("[a-c-e]", "a", "error: invalid regular expression '[a-c-e]'"),
        ("^*", "a", "error: invalid regular expression '^*'"),
        ("a{,2}", "a", "error: invalid regular expression 'a{,2}'"),
        ("a{1", "a", "error: invalid regular expression 'a{1'"),
        ("\\]", "]", "error: invalid regular expression '\\]'"),
        ("[[.-.]]", "-", "error: invalid regular expression '[[.-.]]'"),
        ("(a{50000}){2}", "a", "error: memory limit exceeded by regular expression '(a{50000}){2}'"),
        ("[a-é]", "a", "error: invalid regular expression '[a-é]'"),
        ("a{99999,1}", "a", "error: memory limit exceeded by regular expression 'a{99999,1}'"),
        ("a{0,2147483649}", "a", "error: invalid regular expression 'a{0,2147483649}'"),
        ("a|*b", "a", "error: invalid regular expression 'a|*b'"),
        ("[]", "a", "error: invalid regular expression '[]'"),
        ("3{*3", " ]c-", "error: invalid regular expression '3{*3'"),
        ("b|[[:alpha:]]{2}$?(a){0}b|^b{1,2}$", "", "error: invalid regular expression 'b|[[:alpha:]]{2}$?(a){0}b|^b{1,2}$'"),
        ("[=A=]+_\\.}[=A=]\\-0[:foo:]][:foo:]", "_ _", "error: invalid regular expression '[=A=]+_\\.}[=A=]\\-0[:foo:]][:foo:]'"),
        ("x$\\:", "-Bb.", "error: invalid regular expression 'x$\\:'"),
        ("|{|-\\[.a.][.a.]\\.:{1}", "b._cA .c.-]", "error: invalid regular expression '|{|-\\[.a.][.a.]\\.:{1}'"),
        ("[a-c]|[ab]$|[ab][a-]+", "_cc-a-", "[ null [ \"_\" [ ] \"\" [ ] \"-\" [ ] \"\" ] ]"),
        ("[]a][^[:lower:]](|a){0,}|[[:alpha:]]{0}$*[^[:lower:]][]a]**|b**|A{1,2}*", "cB.[ ", "error: invalid regular expression '[]a][^[:lower:]](|a){0,}|[[:alpha:]]{0}$*[^[:lower:]][]a]**|b**|A{1,2}*'"),
        ("(([ab]{1,2}|[^a])){1,2}([]a]{2}*.{2}*|([ab]|[^a]))?[a-]+?", "", "[ null [ \"\" ] ]"),
        ("(|a)", " [AB b", "[ null [ \"\" [ \"\" ] \" \" [ \"\" ] \"[\" [ \"\" ] \"A\" [ \"\" ] \"B\" [ \"\" ] \" \" [ \"\" ] \"b\" [ \"\" ] \"\" ] ]"),
        ("(|a)^(([^a]+))", "c", "[ [ \"\" \"c\" \"c\" ] [ \"\" [ \"\" \"c\" \"c\" ] \"\" ] ]"),
        ("[=A=]?-(\\d:{2,}", "A __.", "error: invalid regular expression '[=A=]?-(\\d:{2,}'"),
        ("((()$))", "a[B", "[ null [ \"a[B\" [ \"\" \"\" \"\" ] \"\" ] ]"),
        ("|é[\\?", "", "error: invalid regular expression '|é[\\?'"),
        ("(((^[a-c]){0}|\\.))*", ".ac_-b[", "[ null [ \"\" [ \"\" \"\" null ] \"\" [ \"\" \"\" null ] \"a\" [ \"\" \"\" null ] \"c\" [ \"\" \"\" null ] \"_\" [ \"\" \"\" null ] \"-\" [ \"\" \"\" null ] \"b\" [ \"\" \"\" null ] \"[\" [ \"\" \"\" null ] \"\" ] ]"),
        (",?", "ac.[ aca", "[ null [ \"\" [ ] \"a\" [ ] \"c\" [ ] \".\" [ ] \"[\" [ ] \" \" [ ] \"a\" [ ] \"c\" [ ] \"a\" [ ] \"\" ] ]"),
        ("[é].{0}([.]|\\*?)((b{1,3}|a)$|^\\*{0}|[é]{2}*)+?", "", "[ null [ \"\" ] ]"),
        ("(|a){2}[[:upper:]b]{0,}[[:upper:]b]{2}*|[a-]{0}", "[]aa [", "[ null [ \"\" [ \"\" ] \"[\" [ \"\" ] \"]\" [ \"a\" ] \"\" [ \"\" ] \" \" [ \"\" ] \"[\" [ \"\" ] \"\" ] ]"),
        (".|*|", "aa", "error: invalid regular expression '.|*|'"),
        ("^((\\.{0,}))|^^^[^[:lower:]]{0,}**+?", "a]a][", "[ null [ \"\" [ \"\" \"\" ] \"a]a][\" ] ]"),
        ("", "", "[ [ ] [ \"\" [ ] \"\" ] ]"),
        ("^((c){0}[[:upper:]b]??)", "_. _Bc[", "[ null [ \"\" [ \"\" null ] \"_. _Bc[\" ] ]"),
        ("(){2}*", ".AA-__a ]..", "[ null [ \"\" [ \"\" ] \".\" [ \"\" ] \"A\" [ \"\" ] \"A\" [ \"\" ] \"-\" [ \"\" ] \"_\" [ \"\" ] \"_\" [ \"\" ] \"a\" [ \"\" ] \" \" [ \"\" ] \"]\" [ \"\" ] \".\" [ \"\" ] \".\" [ \"\" ] \"\" ] ]"),
        ("[^a]|.{1,2}[é]{0}\\.b()$*?[[:upper:]b]", "]]a", "error: invalid regular expression '[^a]|.{1,2}[é]{0}\\.b()$*?[[:upper:]b]'"),
        ("[[:alpha:]]+?", "-..]_.caa", "[ null [ \"\" [ ] \"-\" [ ] \".\" [ ] \".\" [ ] \"]\" [ ] \"_\" [ ] \".\" [ ] \"\" [ ] \"\" ] ]"),
        ("x*[:foo:]]|{0,2}=[", "a [AaAa_a", "error: invalid regular expression 'x*[:foo:]]|{0,2}=['"),
        ("(([.]){0}|([.]|[^[:lower:]]+?))", "b_] _", "[ null [ \"\" [ \"\" null null ] \"b\" [ \"_] _\" null \"_] _\" ] \"\" [ \"\" null null ] \"\" ] ]"),
        ("-\\(", "A-a]]]AAa]A", "[ null [ \"A-a]]]AAa]A\" ] ]"),
        ("(b[^[:lower:]]+?|(.))(|a)b**", "B", "[ [ \"B\" \"B\" \"\" ] [ \"\" [ \"B\" \"B\" \"\" ] \"\" ] ]"),
        ("a**", "BB.]a BBb ", "[ null [ \"\" [ ] \"B\" [ ] \"B\" [ ] \".\" [ ] \"]\" [ ] \"\" [ ] \" \" [ ] \"B\" [ ] \"B\" [ ] \"b\" [ ] \" \" [ ] \"\" ] ]"),
        ("[a-c]{1,2}", "ac.. [-a", "[ null [ \"\" [ ] \".. [-\" [ ] \"\" ] ]"),
        ("(){2}", "", "[ [ \"\" ] [ \"\" [ \"\" ] \"\" ] ]"),
        ("(A)", "B][", "[ null [ \"B][\" ] ]"),
        ("((é{2}*)|(\\.)$)", ".", "[ [ \".\" null \".\" ] [ \"\" [ \".\" null \".\" ] \"\" ] ]"),
        ("(^[.]{1,2}|[é]|){2}*((([^a]){1,2})|(([ab])**))", "aBa", "[ null [ \"\" [ \"\" \"a\" null null \"a\" \"a\" ] \"\" [ \"\" \"B\" \"B\" \"B\" null null ] \"\" [ \"\" \"a\" null null \"a\" \"a\" ] \"\" [ \"\" \"\" null null \"\" null ] \"\" ] ]"),
        ("+", "[-]cbA- [", "error: invalid regular expression '+'"),
        ("(|a){1,3}", "B]--[.[. b]a", "[ null [ \"\" [ \"\" ] \"B\" [ \"\" ] \"]\" [ \"\" ] \"-\" [ \"\" ] \"-\" [ \"\" ] \"[\" [ \"\" ] \".\" [ \"\" ] \"[\" [ \"\" ] \".\" [ \"\" ] \" \" [ \"\" ] \"b\" [ \"\" ] \"]\" [ \"a\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("((é{2}*){1,3}|é)([^a]+[é]|[[:upper:]b]{1,3})b$", "c[abB--_", "[ null [ \"c[abB--_\" ] ]"),
        ("(c{1,2})", "cc-c__[ac", "[ null [ \"\" [ \"cc\" ] \"-\" [ \"c\" ] \"__[a\" [ \"c\" ] \"\" ] ]"),
        ("(|a)", "-[Aa[._B][", "[ null [ \"\" [ \"\" ] \"-\" [ \"\" ] \"[\" [ \"\" ] \"A\" [ \"a\" ] \"\" [ \"\" ] \"[\" [ \"\" ] \".\" [ \"\" ] \"_\" [ \"\" ] \"B\" [ \"\" ] \"]\" [ \"\" ] \"[\" [ \"\" ] \"\" ] ]"),
        ("([é]+|a+?){2}*", "[c -AA_]", "[ null [ \"\" [ \"\" ] \"[\" [ \"\" ] \"c\" [ \"\" ] \" \" [ \"\" ] \"-\" [ \"\" ] \"A\" [ \"\" ] \"A\" [ \"\" ] \"_\" [ \"\" ] \"]\" [ \"\" ] \"\" ] ]"),
        ("_", "cB  bA ", "[ null [ \"cB  bA \" ] ]"),
        ("([a-c])", "AB[ c-_A__", "[ null [ \"AB[ \" [ \"c\" ] \"-_A__\" ] ]"),
        ("{-{:[=A=][.a.]3?()", "A[[[Aca [_", "error: invalid regular expression '{-{:[=A=][.a.]3?()'"),
        ("(([[:upper:]b]|)(){2})", "_B.cAbb.[", "[ null [ \"\" [ \"\" \"\" \"\" ] \"_\" [ \"B\" \"B\" \"\" ] \"\" [ \"\" \"\" \"\" ] \".\" [ \"\" \"\" \"\" ] \"c\" [ \"A\" \"A\" \"\" ] \"\" [ \"b\" \"b\" \"\" ] \"\" [ \"b\" \"b\" \"\" ] \"\" [ \"\" \"\" \"\" ] \".\" [ \"\" \"\" \"\" ] \"[\" [ \"\" \"\" \"\" ] \"\" ] ]"),
        (",}[:alpha:]éx{{0,2}*", "c", "error: invalid regular expression ',}[:alpha:]éx{{0,2}*'"),
        ("[:foo:]", "b ", "[ null [ \"b \" ] ]"),
        ("(((a|[^a]{0})|[^[:lower:]][]a]+?)){2}*(([]a]+?())|([]a]+?[^[:lower:]]?+?))", " a[B.", "[ [ \"\" \"\" \"\" \"[B.\" null null \"[B.\" ] [ \"\" [ \"\" \"\" \"\" \"[B.\" null null \"[B.\" ] \"\" [ \"\" \"\" \"\" \"\" \"\" \"\" null ] \"\" ] ]"),
        (".", "[cB_ca", "[ null [ \"\" [ ] \"\" [ ] \"\" [ ] \"\" [ ] \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("[:foo:]0=:a(}{0,2}++[^", "-.", "error: invalid regular expression '[:foo:]0=:a(}{0,2}++[^'"),
        ("_([=A=]+1[:w:]=", "._c.a-", "error: invalid regular expression '_([=A=]+1[:w:]='"),
        ("(([é])|{2}*|(){0,})((|a))*", "", "error: invalid regular expression '(([é])|{2}*|(){0,})((|a))*'"),
        ("[:foo:]b^20}}[^", " c-A_-][-B. ", "error: invalid regular expression '[:foo:]b^20}}[^'"),
        ("()", "abaaA.", "[ null [ \"\" [ \"\" ] \"a\" [ \"\" ] \"b\" [ \"\" ] \"a\" [ \"\" ] \"a\" [ \"\" ] \"A\" [ \"\" ] \".\" [ \"\" ] \"\" ] ]"),
        ("a[$\\([=A=]{2,}", "bA .", "error: invalid regular expression 'a[$\\([=A=]{2,}'"),
        ("^()**", "a]_[", "[ null [ \"\" [ \"\" ] \"a]_[\" ] ]"),
        ("é?", ".] aaa", "[ null [ \".] aaa\" ] ]"),
        ("(x|((){0,}))", "a-aB -", "[ null [ \"\" [ \"\" \"\" \"\" ] \"a\" [ \"\" \"\" \"\" ] \"-\" [ \"\" \"\" \"\" ] \"a\" [ \"\" \"\" \"\" ] \"B\" [ \"\" \"\" \"\" ] \" \" [ \"\" \"\" \"\" ] \"-\" [ \"\" \"\" \"\" ] \"\" ] ]"),
        ("((é**|([.]?))|A|[a-]+?|{1,3}$)", "bA.[]_cb A", "error: invalid regular expression '((é**|([.]?))|A|[a-]+?|{1,3}$)'"),
        ("x{0,}|", ".ccBb[B.AAc", "[ null [ \"\" [ ] \".\" [ ] \"c\" [ ] \"c\" [ ] \"B\" [ ] \"b\" [ ] \"[\" [ ] \"B\" [ ] \".\" [ ] \"A\" [ ] \"A\" [ ] \"c\" [ ] \"\" ] ]"),
        ("(([.]{0,})|^x(|a){1,2}{2}(|a))", ".]A", "[ null [ \"\" [ \".\" \".\" null null ] \"\" [ \"\" \"\" null null ] \"]\" [ \"\" \"\" null null ] \"A\" [ \"\" \"\" null null ] \"\" ] ]"),
        ("[:w:]12[\\d", "b AB ]..[[", "error: invalid regular expression '[:w:]12[\\d'"),
        ("[]a]|\\.{0,}?", "]b", "[ null [ \"\" [ ] \"\" [ ] \"b\" [ ] \"\" ] ]"),
        ("[a-]{2}*$", "-A[b", "[ null [ \"-A[b\" [ ] \"\" ] ]"),
        ("([.]${0})", "bB-a", "error: invalid regular expression '([.]${0})'"),
        ("[.]", "[a.", "[ null [ \"[a\" [ ] \"\" ] ]"),
        ("é(){1,2}|a[^a][]a]|b|", "_Bb- c_bBA", "[ null [ \"\" [ null ] \"_\" [ null ] \"B\" [ null ] \"\" [ null ] \"-\" [ null ] \" \" [ null ] \"c\" [ null ] \"_\" [ null ] \"\" [ null ] \"B\" [ null ] \"A\" [ null ] \"\" ] ]"),
        (" |b{,1}1{1+{$", "[[-A.]B", "error: invalid regular expression ' |b{,1}1{1+{$'"),
        ("((([a-c]|)**)|\\*)", "B.]b[[-", "[ null [ \"\" [ \"\" \"\" \"\" ] \"B\" [ \"\" \"\" \"\" ] \".\" [ \"\" \"\" \"\" ] \"]\" [ \"b\" \"b\" \"\" ] \"\" [ \"\" \"\" \"\" ] \"[\" [ \"\" \"\" \"\" ] \"[\" [ \"\" \"\" \"\" ] \"-\" [ \"\" \"\" \"\" ] \"\" ] ]"),
        ("[[:foo:],|)2[:w:]={,1}", ".-_]B", "error: invalid regular expression '[[:foo:],|)2[:w:]={,1}'"),
        ("((|a)|^[]a]{0}|*[^a]${0,}){1,3}", "_", "error: invalid regular expression '((|a)|^[]a]{0}|*[^a]${0,}){1,3}'"),
        ("[:alpha:]^={0,2}{,2 ^*", "]", "error: invalid regular expression '[:alpha:]^={0,2}{,2 ^*'"),
        ("((\\.)*){1,2}", "Bc]ccab-", "[ null [ \"\" [ \"\" null ] \"B\" [ \"\" null ] \"c\" [ \"\" null ] \"]\" [ \"\" null ] \"c\" [ \"\" null ] \"c\" [ \"\" null ] \"a\" [ \"\" null ] \"b\" [ \"\" null ] \"-\" [ \"\" null ] \"\" ] ]"),
        ("+]^[.a.]_?b", "Bb.", "error: invalid regular expression '+]^[.a.]_?b'"),
        ("x*|([.]{0,}b[^[:lower:]]$|([^a]|\\.){0})", "cB", "[ null [ \"\" [ null null ] \"c\" [ null null ] \"B\" [ null null ] \"\" ] ]"),
        (".+?", "_] -ab.[-Aa]", "[ [ ] [ \"\" [ ] \"\" [ ] \"\" ] ]"),
        ("[[:upper:]b]$", "_b-B_c", "[ null [ \"_b-B_c\" ] ]"),
        ("(()*)", "b ", "[ null [ \"\" [ \"\" \"\" ] \"b\" [ \"\" \"\" ] \" \" [ \"\" \"\" ] \"\" ] ]"),
        ("^((()+$){1,3}){0}{1,2}", "b].]", "[ null [ \"\" [ null null null ] \"b].]\" ] ]"),
        ("(([ab]|A$)){1,3}", "c]] b.", "[ null [ \"c]] \" [ \"b\" \"b\" ] \".\" ] ]"),
        ("*", "c -_a]c]Aa-", "error: invalid regular expression '*'"),
        ("[ab]", "cbc", "[ null [ \"c\" [ ] \"c\" ] ]"),
        ("\\.c{1,2}a.|[.]{1,2}", "", "[ null [ \"\" ] ]"),
        ("A$_\\([:foo:])", "", "error: invalid regular expression 'A$_\\([:foo:])'"),
        ("\\.:{2,}|\\([.a.]b ][^", ".a_B.  ", "error: invalid regular expression '\\.:{2,}|\\([.a.]b ][^'"),
        ("{1}[\\]2+\\]-", "-_c]cb.][", "error: invalid regular expression '{1}[\\]2+\\]-'"),
        ("[:w:]", "A.B[ cA[c", "[ null [ \"A.B[ cA[c\" ] ]"),
        ("[ab]", "]ac-_[", "[ null [ \"]\" [ ] \"c-_[\" ] ]"),
        ("x\\]]_-{,1}", "Aa].-A  ", "error: invalid regular expression 'x\\]]_-{,1}'"),
        ("a\\(-2\\(0", "]-a AbB ", "[ null [ \"]-a AbB \" ] ]"),
        ("b", "Ba[A_a [", "[ null [ \"Ba[A_a [\" ] ]"),
        ("\\.", "bAab]-", "[ null [ \"bAab]-\" ] ]"),
        ("[ab]", "aA..", "[ null [ \"\" [ ] \"A..\" ] ]"),
        ("x", "a-b", "[ null [ \"a-b\" ] ]"),
        ("([[:alpha:]]$|^[a-c](|a)+?|[ab]|(A{0}|.{0,}){1,3}*)+?", "_[[[]", "[ [ \"\" null \"\" ] [ \"\" [ \"\" null \"\" ] \"\" [ \"\" null \"\" ] \"\" ] ]"),
        ("\\){,1}{,1}\\d0[.a.]+", "bA]B[c", "error: invalid regular expression '\\){,1}{,1}\\d0[.a.]+'"),
        ("$é)$", "_ .-", "error: invalid regular expression '$é)$'"),
        ("?*", "aB-- ", "error: invalid regular expression '?*'"),
        ("[a-]|*", "-]", "error: invalid regular expression '[a-]|*'"),
        ("(A?|b)|((([[:upper:]b]|b)|(a+?){0,}))", "aabb]AB]B] ", "[ null [ \"\" [ null \"aa\" \"aa\" null \"\" ] \"\" [ \"b\" null null null null ] \"\" [ \"b\" null null null null ] \"\" [ \"\" null null null null ] \"]\" [ \"A\" null null null null ] \"\" [ null \"B\" \"B\" \"B\" null ] \"\" [ \"\" null null null null ] \"]\" [ null \"B\" \"B\" \"B\" null ] \"\" [ \"\" null null null null ] \"]\" [ \"\" null null null null ] \" \" [ \"\" null null null null ] \"\" ] ]"),
        ("_{[:foo:]_x\\A2[=A=]{1}", "_.-.-a[", "error: invalid regular expression '_{[:foo:]_x\\A2[=A=]{1}'"),
        ("([.]|){0}(a){1,2}a+?(|a)+?$", "[_B_c-bA _]", "[ null [ \"[_B_c-bA _]\" ] ]"),
        ("[a-c]", "a-aaBB", "[ null [ \"\" [ ] \"-\" [ ] \"\" [ ] \"BB\" ] ]"),
        ("\\*|?", "A[[b]c[ca[_", "error: invalid regular expression '\\*|?'"),
        ("(.{1,3}|[[:alpha:]]**+|[[:alpha:]]$|[]a])", ".- __aB", "[ null [ \"\" [ \".- \" ] \"\" [ \"__a\" ] \"\" [ \"B\" ] \"\" [ \"\" ] \"\" ] ]"),
        ("((([ab])*|)+?|^^.**|.+?)", "", "[ [ \"\" \"\" null ] [ \"\" [ \"\" \"\" null ] \"\" ] ]"),
        ("[=A=]0)é:|?b?x", "-[A[]", "error: invalid regular expression '[=A=]0)é:|?b?x'"),
        ("\\.", "c", "[ null [ \"c\" ] ]"),
        ("\\.", ".-.__A]", "[ null [ \"\" [ ] \"-\" [ ] \"__A]\" ] ]"),
        ("é{1,3}", "]cA[[AA_Ab ]", "[ null [ \"]cA[[AA_Ab ]\" ] ]"),
        ("|0+", " ]c]", "[ null [ \"\" [ ] \" \" [ ] \"]\" [ ] \"c\" [ ] \"]\" [ ] \"\" ] ]"),
        ("é", " .]c.c", "[ null [ \" .]c.c\" ] ]"),
        ("(\\*{1,2}b[a-c]*A{1,3})|[[:alpha:]]?", "[[_", "[ null [ \"\" [ null ] \"[\" [ null ] \"[\" [ null ] \"_\" [ null ] \"\" ] ]"),
        ("[^ :+1", "][ccBcbcB .", "error: invalid regular expression '[^ :+1'"),
        ("${,1}a{,1}[.a.]* {,1}", "b .]bbb-ca[-", "error: invalid regular expression '${,1}a{,1}[.a.]* {,1}'"),
        ("(([^[:lower:]]|.[[:alpha:]])(([a-c])))+", "B[_a _ .bb b", "[ null [ \"B[\" [ \"_a\" \"_\" \"a\" \"a\" ] \" _ \" [ \" b\" \" \" \"b\" \"b\" ] \"\" ] ]"),
        ("(b(a){0}|([a-])+|())", " b_.a[a][", "[ null [ \"\" [ \"\" null null \"\" ] \" \" [ \"b\" null null null ] \"\" [ \"\" null null \"\" ] \"_\" [ \"\" null null \"\" ] \".\" [ \"a\" null \"a\" null ] \"\" [ \"\" null null \"\" ] \"[\" [ \"a\" null \"a\" null ] \"\" [ \"\" null null \"\" ] \"]\" [ \"\" null null \"\" ] \"[\" [ \"\" null null \"\" ] \"\" ] ]"),
        ("é{2}", "a [_B-A_-[", "[ null [ \"a [_B-A_-[\" ] ]"),
        ("}2é[:w:][=A=]", "AbA.-_bc.-[.", "[ null [ \"AbA.-_bc.-[.\" ] ]"),
        ("([^[:lower:]]{0}[a-](|a)|[a-c]{2}(|a)[ab]{1,3}|[]a]{0,})**|A{2}*", "_", "[ null [ \"\" [ \"\" null null ] \"_\" [ \"\" null null ] \"\" ] ]"),
        ("([a-].[^[:lower:]]$[^a]{0,}b)", "ca- b b[", "[ null [ \"ca- b b[\" ] ]"),
        ("^", "a", "[ null [ \"\" [ ] \"a\" ] ]"),
        ("[[:upper:]b]", "BBa", "[ null [ \"\" [ ] \"\" [ ] \"a\" ] ]"),
        ("^(^(a?))?", "-Ba", "[ null [ \"\" [ \"\" \"\" ] \"-Ba\" ] ]"),
        ("-[:alpha:].(1", "-A cB[A__[", "error: invalid regular expression '-[:alpha:].(1'"),
        ("={[:w:]1$é[.a.]\\.", "Bac", "error: invalid regular expression '={[:w:]1$é[.a.]\\.'"),
        ("[.]{2}*", "[bB.c-", "[ null [ \"\" [ ] \"[\" [ ] \"b\" [ ] \"B\" [ ] \".\" [ ] \"c\" [ ] \"-\" [ ] \"\" ] ]"),
        ("[^[:lower:]]", "b -", "[ null [ \"b\" [ ] \"\" [ ] \"\" ] ]"),
        ("((|a))|*", "BbAc -Bc ]a-", "error: invalid regular expression '((|a))|*'"),
        ("(([ab]|(|a))|c***)[^[:lower:]]{2}", "[. _bB_-bb_c", "[ null [ \"\" [ \"\" \"\" \"\" ] \"\" [ \"\" \"\" \"\" ] \"\" [ \"b\" \"b\" null ] \"-bb_c\" ] ]"),
        (".\\(.[:w:][0[:alpha:]*:", "A.]--c", "error: invalid regular expression '.\\(.[:w:][0[:alpha:]*:'"),
        ("\\.{1,3}", "bb_", "[ null [ \"bb_\" ] ]"),
        ("[:foo:]=a(-?[:alpha:][:w:]{2,}{2,}\\", "[[B-bB", "error: invalid regular expression '[:foo:]=a(-?[:alpha:][:w:]{2,}{2,}\\'"),
        ("(\\.${0}\\*[é]?+|)?", "]a_AA", "error: invalid regular expression '(\\.${0}\\*[é]?+|)?'"),
        (":?)2[.a.][*?", "ba][_c]]", "error: invalid regular expression ':?)2[.a.][*?'"),
        ("(((|a))(|a)+((|a))+?|a+?.*{0,})", "c", "[ [ \"c\" null null null null null ] [ \"\" [ \"c\" null null null null null ] \"\" [ \"\" \"\" \"\" \"\" \"\" \"\" ] \"\" ] ]"),
        ("(.){1,3}", "c-_A.aa", "[ null [ \"\" [ \"_\" ] \"\" [ \"a\" ] \"\" [ \"a\" ] \"\" ] ]"),
        (":", "[c[cB]acb_", "[ null [ \"[c[cB]acb_\" ] ]"),
        ("{,1}{1}[)1A\\d\\.A{2,}$", "b", "error: invalid regular expression '{,1}{1}[)1A\\d\\.A{2,}$'"),
        ("A*", "-[].-[b.a", "[ null [ \"\" [ ] \"-\" [ ] \"[\" [ ] \"]\" [ ] \".\" [ ] \"-\" [ ] \"[\" [ ] \"b\" [ ] \".\" [ ] \"a\" [ ] \"\" ] ]"),
        ("=", ".[_aa]", "[ null [ \".[_aa]\" ] ]"),
        ("([.]()$){0,}éc$+?$", "A", "error: invalid regular expression '([.]()$){0,}éc$+?$'"),
        ("([]a]|[^[:lower:]]){2}*", "A ]-", "[ [ \"-\" ] [ \"\" [ \"-\" ] \"\" [ null ] \"\" ] ]"),
        ("x{0}", " _ac_Aa_ ", "[ null [ \"\" [ ] \" \" [ ] \"_\" [ ] \"a\" [ ] \"c\" [ ] \"_\" [ ] \"A\" [ ] \"a\" [ ] \"_\" [ ] \" \" [ ] \"\" ] ]"),
        ("(\\.{1,3})+(.)", "-cB]-AaA_", "[ null [ \"-cB]-AaA_\" ] ]"),
        ("[:foo:]{1}=\\é)[.a.]", "", "error: invalid regular expression '[:foo:]{1}=\\é)[.a.]'"),
        ("\\.)\\d{,1}", "]]", "error: invalid regular expression '\\.)\\d{,1}'"),
        ("a${2}", ".", "error: invalid regular expression 'a${2}'"),
        ("A", "BcA_Baaac", "[ null [ \"Bc\" [ ] \"_Baaac\" ] ]"),
        ("\\d3", "- a[_b ", "error: invalid regular expression '\\d3'"),
        ("} {,1}", "_.", "error: invalid regular expression '} {,1}'"),
    ]

    @Test("match and split agree with Nix on hand-picked and randomly generated patterns")
    func agreesWithNix() {
        let ev = Evaluator()
        for (pattern, subject, expected) in Self.cases {
            let m = H.eval("match", .string(pattern), .string(subject), in: ev)
            if expected.hasPrefix("error: ") {
                #expect(m == expected, "match \(pattern)")
                #expect(H.eval("split", .string(pattern), .string(subject), in: ev) == expected, "split \(pattern)")
            } else {
                let s = H.eval("split", .string(pattern), .string(subject), in: ev)
                #expect("[ \(m) \(s) ]" == expected, "pattern \(pattern) on \(subject)")
            }
        }
    }

    @Test("split returns the subject itself, context included, when nothing matches")
    func splitWithoutMatch() throws {
        let s = NixString("abc", context: StringContext("/nix/store/x"))
        guard case .list(let items) = try H.call("split", .string("x"), .string(s)), items.count == 1,
              case .string(let only) = items[0] else { Issue.record("not a one-element list"); return }
        #expect(only.string == "abc")
        #expect(only.context.elements == ["/nix/store/x"])
    }

    @Test("the pattern must be a string without context, the subject a string")
    func argumentErrors() {
        #expect(H.eval("match", .int(1), .string("a")) == "error: value is an integer while a string was expected")
        #expect(H.eval("match", .string("a"), .int(1)) == "error: value is an integer while a string was expected")
        #expect(H.eval("split", .string("a"), .path("/x")) == "error: value is a path while a string was expected")
        #expect(H.eval("match", .string("("), .int(1)) == "error: invalid regular expression '('")
        let p = NixString("a", context: StringContext("/nix/store/p"))
        #expect(H.eval("match", .string(p), .string("a"))
            == "error: the string 'a' is not allowed to refer to a store path (such as '/nix/store/p')")
    }

    @Test("long subjects are matched without exhausting the native stack")
    func longSubjects() {
        var pieces = 0
        let long = String(repeating: "abc/", count: 50_000) + "end"
        let result = H.eval("match", .string("(.*)/([^/]*)"), .string(long))
        #expect(result.hasSuffix(" \"end\" ]"))
        if case .list(let items)? = try? H.call("split", .string("/"), .string(long)) { pieces = items.count }
        #expect(pieces == 2 * 50_000 + 1)
    }

    @Test("a pattern whose matching would take practically forever fails with an error instead of hanging")
    func runawayPattern() {
        var options = EvalOptions()
        options.stepLimit = 1_000_000
        let ev = Evaluator(options: options)
        let r = H.eval("match", .string("(a*)*b"), .string(String(repeating: "a", count: 40) + "c"), in: ev)
        #expect(r.hasPrefix("error: regular expression '(a*)*b' takes too many steps to match"))
    }
}
