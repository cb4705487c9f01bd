// The evaluator core on hand-built syntax trees: scoping (lexical before
// `with`), laziness, recursion limits, functions and formals, arithmetic.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct EvalCoreASTTests {
    typealias A = AST

    @Test("recursive functions in let evaluate (fib 15 = 610)")
    func fib() {
        let fib = A.lam("n", A.iff(A.bin(.less, A.v("n"), A.int(2)), A.v("n"),
                                   A.bin(.add, A.app(A.v("fib"), A.bin(.subtract, A.v("n"), A.int(1))),
                                               A.app(A.v("fib"), A.bin(.subtract, A.v("n"), A.int(2))))))
        #expect(A.run(A.letIn([A.bind("fib", fib)], A.app(A.v("fib"), A.int(15)))) == "610")
    }

    @Test("a lexical binding wins over an inner with; the innermost with wins among withs")
    func lexicalBeforeWith() {
        let e = A.letIn([A.bind("x", A.int(1))], A.with(A.attrs(A.bind("x", A.int(2)), A.bind("y", A.int(3))), A.list(A.v("x"), A.v("y"))))
        #expect(A.run(e) == "[ 1 3 ]")
        let nested = A.with(A.attrs(A.bind("y", A.int(1))), A.with(A.attrs(A.bind("y", A.int(2))), A.v("y")))
        #expect(A.run(nested) == "2")
    }

    @Test("an unbound name with no enclosing with is an error before evaluation")
    func undefinedVariable() {
        #expect(A.run(A.iff(A.v("true"), A.int(1), A.v("nope"))) == "error: undefined variable 'nope'")
    }

    @Test("nested attribute paths merge into nested sets")
    func nestedPaths() {
        #expect(A.run(A.attrs(A.bind("a.b.c", A.int(1)), A.bind("a.b.d", A.int(2)))) == "{ a = { b = { c = 1; d = 2; }; }; }")
        #expect(A.run(A.attrs(A.bind("a", A.int(1)), A.bind("a.b", A.int(2)))).hasPrefix("error: attribute 'a.b' already defined"))
    }

    @Test("a value that depends on itself is infinite recursion")
    func blackhole() {
        #expect(A.run(A.letIn([A.bind("x", A.v("x"))], A.v("x"))) == "error: infinite recursion encountered")
    }

    @Test("100,000-deep recursion is an error, not a crash")
    func deepRecursion() {
        // f = n: if n == 0 then 0 else 1 + f (n - 1)
        let f = A.lam("n", A.iff(A.bin(.equal, A.v("n"), A.int(0)), A.int(0),
                                 A.bin(.add, A.int(1), A.app(A.v("f"), A.bin(.subtract, A.v("n"), A.int(1))))))
        #expect(A.run(A.letIn([A.bind("f", f)], A.app(A.v("f"), A.int(100_000)))) == "error: stack overflow (possible infinite recursion)")
        #expect(A.run(A.letIn([A.bind("f", f)], A.app(A.v("f"), A.int(5_000)))) == "5000")
    }

    @Test("formals: defaults see each other and @-name; missing and unexpected arguments are errors")
    func formals() {
        let f = A.lam(formals: [("a", A.v("b")), ("b", A.sel(A.v("args"), "c", or: A.int(7)))], ellipsis: true, bind: "args", A.v("a"))
        #expect(A.run(A.app(f, A.attrs())) == "7")
        #expect(A.run(A.app(f, A.attrs(A.bind("c", A.int(3))))) == "3")
        let g = A.lam(formals: [("x", nil)], A.v("x"))
        #expect(A.run(A.app(g, A.attrs())).contains("called without required argument 'x'"))
        #expect(A.run(A.app(g, A.attrs(A.bind("x", A.int(1)), A.bind("y", A.int(2))))).contains("called with unexpected argument 'y'"))
    }

    @Test("integer overflow is an error, division checks zero and overflow, ints promote to floats")
    func arithmetic() {
        #expect(A.run(A.bin(.add, A.int(Int.max), A.int(1))) == "error: integer overflow in adding 9223372036854775807 + 1")
        #expect(A.run(A.bin(.subtract, A.int(Int.min), A.int(1))) == "error: integer overflow in subtracting -9223372036854775808 - 1")
        #expect(A.run(A.bin(.multiply, A.int(Int.max), A.int(2))) == "error: integer overflow in multiplying 9223372036854775807 * 2")
        #expect(A.run(A.bin(.add, A.int(Int.max - 1), A.int(1))) == String(Int.max))
        #expect(A.run(A.bin(.divide, A.int(1), A.int(0))) == "error: division by zero")
        #expect(A.run(A.bin(.divide, A.bin(.subtract, A.int(0), A.int(Int.max)), A.int(0))) == "error: division by zero")
        #expect(A.run(A.bin(.add, A.int(1), A.float(0.5))) == "1.5")
        #expect(A.run(A.bin(.divide, A.int(7), A.int(2))) == "3")
    }

    @Test("without --strict, unevaluated parts print as <CODE>")
    func lazyPrinting() {
        let e = A.attrs(A.bind("a", A.int(1)), A.bind("b", A.bin(.add, A.int(1), A.int(1))), A.bind("c", A.lam("x", A.v("x"))))
        #expect(A.run(e, strict: false) == "{ a = 1; b = <CODE>; c = <CODE>; }")
    }

    @Test("the step limit stops runaway evaluation with an error")
    func stepLimit() {
        var options = EvalOptions()
        options.stepLimit = 100
        let loop = A.lam("n", A.app(A.v("loop"), A.bin(.add, A.v("n"), A.int(1))))
        let r = A.run(A.letIn([A.bind("loop", loop)], A.app(A.v("loop"), A.int(0))), options: options)
        #expect(r.hasPrefix("error: "))
    }
}
