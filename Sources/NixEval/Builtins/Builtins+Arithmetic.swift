// Builtins: arithmetic. add/sub/mul/div and lessThan are also what the
// operators `+` (on numbers), `-`, `*`, `/` and `<` mean; they share the
// operators' code so both report the same errors. Integer overflow is an
// error (see Code+Operators.swift); division checks for zero too.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixSyntax

extension Builtins {
    static var arithmetic: [PrimOp] { [
        PrimOp("add", arity: 2, doc: "Sum of two numbers.") { ev, args, span in
            let a = try ev.force(args[0], at: span), b = try ev.force(args[1], at: span)
            if case .int(let x) = a, case .int(let y) = b { return .int(try Arithmetic.add(x, y, at: span)) }
            if case .float = a {} else if case .float = b {} else {
                return .int(try Arithmetic.add(try ev.forceInt(a, at: span), try ev.forceInt(b, at: span), at: span))
            }
            return .float(try ev.forceNumber(a, at: span) + ev.forceNumber(b, at: span))
        },
        arith("sub", .sub, "Difference of two numbers."),
        arith("mul", .mul, "Product of two numbers."),
        arith("div", .div, "Quotient of two numbers (integer division for two integers)."),
        PrimOp("lessThan", arity: 2, doc: "Whether the first argument is less than the second.") { ev, args, span in
            .bool(try ev.lessThan(args[0], args[1], at: span))
        },
        bitwise("bitAnd", "Bitwise and of two integers.", &),
        bitwise("bitOr", "Bitwise or of two integers.", |),
        bitwise("bitXor", "Bitwise exclusive or of two integers.", ^),
        PrimOp("ceil", arity: 1, doc: "The smallest integer not less than a number.") { ev, args, span in
            .int(toInt(Glibc.ceil(try ev.forceNumber(args[0], at: span))))
        },
        PrimOp("floor", arity: 1, doc: "The largest integer not greater than a number.") { ev, args, span in
            .int(toInt(Glibc.floor(try ev.forceNumber(args[0], at: span))))
        },
    ] }

    private static func arith(_ name: String, _ kind: ArithCode.Kind, _ doc: String) -> PrimOp {
        PrimOp(name, arity: 2, doc: doc) { ev, args, span in
            let a = try ev.force(args[0], at: span), b = try ev.force(args[1], at: span)
            return try Arithmetic.apply(kind, a, b, ev, at: span)
        }
    }

    private static func bitwise(_ name: String, _ doc: String, _ op: @escaping @Sendable (Int, Int) -> Int) -> PrimOp {
        PrimOp(name, arity: 2, doc: doc) { ev, args, span in
            .int(op(try ev.forceInt(args[0], at: span), try ev.forceInt(args[1], at: span)))
        }
    }

    /// A float to an integer the way x86-64 converts out-of-range values (as Nix 2.8 observably does).
    static func toInt(_ d: Double) -> Int {
        guard d.isFinite, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int.min }
        return Int(d)
    }
}
