// Operator precedence and associativity, checked rule by rule against what
// nix-instantiate 2.8 computes for the same text.

import Testing
import NixSyntax

@Suite struct PrecedenceTests {
    @Test("multiplication binds tighter than addition, both to the left")
    func arithmetic() {
        #expect(tree("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(tree("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(tree("8 / 2 / 2") == "(/ (/ 8 2) 2)")
        #expect(tree("1 * 2 + 3") == "(+ (* 1 2) 3)")
    }

    @Test("++, // and -> group to the right")
    func rightAssociative() {
        #expect(tree("a ++ b ++ c") == "(++ a (++ b c))")
        #expect(tree("a // b // c") == "(// a (// b c))")
        #expect(tree("a -> b -> c") == "(-> a (-> b c))")
    }

    @Test("++ binds tighter than * which binds tighter than +")
    func concatAboveArithmetic() {
        #expect(tree("a * b ++ c") == "(* a (++ b c))")
        #expect(tree("a ++ b * c") == "(* (++ a b) c)")
    }

    @Test("// binds looser than + but tighter than comparisons")
    func update() {
        #expect(tree("a // b + c") == "(// a (+ b c))")
        #expect(tree("a // b == c") == "(== (// a b) c)")
        #expect(tree("a < b // c") == "(< a (// b c))")
    }

    @Test("comparisons bind tighter than equality, which binds tighter than && and ||")
    func logic() {
        #expect(tree("1 < 2 == true") == "(== (< 1 2) true)")
        #expect(tree("a == b && c != d") == "(&& (== a b) (!= c d))")
        #expect(tree("a || b && c") == "(|| a (&& b c))")
        #expect(tree("a && b || c") == "(|| (&& a b) c)")
        #expect(tree("a || b -> c || d") == "(-> (|| a b) (|| c d))")
        #expect(tree("a <= b") == "(<= a b)")
        #expect(tree("a >= b") == "(>= a b)")
        #expect(tree("a > b") == "(> a b)")
    }

    @Test("equality and comparison operators do not chain")
    func nonAssociative() {
        #expect(firstError("1 == 2 == 3") == "1:8: syntax error, unexpected EQ")
        #expect(firstError("1 != 2 == 3") == "1:8: syntax error, unexpected EQ")
        #expect(firstError("1 < 2 < 3") == "1:7: syntax error, unexpected '<'")
        #expect(firstError("1 <= 2 > 3") == "1:8: syntax error, unexpected '>'")
    }

    @Test("! takes everything up to the next operator looser than +")
    func not() {
        #expect(tree("!a + b") == "(! (+ a b))")
        #expect(tree("!a == b") == "(== (! a) b)")
        #expect(tree("a + !b + c") == "(+ a (! (+ b c)))")
        #expect(tree("!a // b") == "(// (! a) b)")
        #expect(tree("!a && b") == "(&& (! a) b)")
        #expect(tree("!!a") == "(! (! a))")
    }

    @Test("unary minus binds tighter than every binary operator and than ?")
    func negate() {
        #expect(tree("-2 ? a") == "(? (neg 2) a)")
        #expect(tree("-a * b") == "(* (neg a) b)")
        #expect(tree("-a ++ b") == "(++ (neg a) b)")
        #expect(tree("a - -b") == "(- a (neg b))")
        #expect(tree("- - a") == "(neg (neg a))")
        #expect(tree("-f x") == "(neg (f x))")
        #expect(tree("f -1") == "(- f 1)")
        #expect(tree("-x.a or 2") == "(neg (. x a or 2))")
    }

    @Test("? binds tighter than ++ and looser than unary minus, and may repeat")
    func hasAttr() {
        #expect(tree("!a ? b") == "(! (? a b))")
        #expect(tree("a ? b.c") == "(? a b.c)")
        #expect(tree("a ? b ++ c") == "(++ (? a b) c)")
        #expect(tree("a ++ b ? c") == "(++ a (? b c))")
        #expect(tree("a ? b ? c") == "(? (? a b) c)")
        #expect(tree("a ? \"b\".${c}") == "(? a b.${c})")
        #expect(tree("a ? or") == "(? a or)")
    }

    @Test("application binds tighter than operators and is left-nested")
    func application() {
        #expect(tree("f x y") == "((f x) y)")
        #expect(tree("f x + g y") == "(+ (f x) (g y))")
        #expect(tree("f (g x)") == "(f (g x))")
    }

    @Test("selection binds tighter than application, and or takes a select")
    func select() {
        #expect(tree("a.b.c") == "(. a b.c)")
        #expect(tree("f x.a") == "(f (. x a))")
        #expect(tree("f x.a or 1") == "(f (. x a or 1))")
        #expect(tree("x.a.b or c") == "(. x a.b or c)")
        #expect(tree("a.b or c.d or e") == "(. a b or (. c d or e))")
        #expect(tree("a.b or c d") == "((. a b or c) d)")
        #expect(tree("{ a = 1; }.a or 2 + 1") == "(+ (. {a = 1;} a or 2) 1)")
        #expect(tree("a.${b}.\"c\".\"d${e}\"") == "(. a ${b}.c.${(str \"d\" e)})")
    }

    @Test("or is a name after a dot, in bindings, and as an argument")
    func orKeyword() {
        #expect(tree("{ or = 1; }.or") == "(. {or = 1;} or)")
        #expect(tree("f or") == "(f or)")
        #expect(tree("f 1 g or") == "((f 1) (g or))")
        #expect(tree("[ f or ]") == "[(f or)]")
        #expect(firstError("let or = 1; in or") == "1:16: syntax error, unexpected OR_KW")
        #expect(firstError("a.b.c or") == "1:7: syntax error, unexpected end of file")
        #expect(firstError("a.b.c or or") == "1:10: syntax error, unexpected OR_KW")
    }

    @Test("binary operations carry the span of their operator")
    func operatorSpan() {
        let (result, _) = Parser.parse("a  +  b")
        guard case .binary(.add, _, _, let s) = result.expr else {
            Issue.record("not an addition: \(result.expr)")
            return
        }
        #expect(s.start == 3 && s.end == 4)
    }

    @Test("applications and selections span the whole expression")
    func wholeSpans() {
        let (apply, _) = Parser.parse("f x  y")
        #expect(apply.expr.span.start == 0 && apply.expr.span.end == 6)
        let (select, _) = Parser.parse("(a).b.c or d")
        #expect(select.expr.span.start == 1 && select.expr.span.end == 12)
    }
}
