// A suspended computation with explicit states, so that a value that depends
// on itself is reported as infinite recursion with the place it was forced,
// instead of hanging or overflowing the stack.

import NixSyntax

public final class Thunk {
    public enum State {
        case suspended(Suspension)
        /// Being evaluated right now; forcing it again is infinite recursion.
        case blackholed(Span)
        case evaluated(Value)
    }

    public var state: State

    public init(_ suspension: Suspension) { state = .suspended(suspension) }
    public init(value: Value) { state = .evaluated(value) }
    /// A thunk that is permanently "being evaluated" (the evaluator's marker for unfilled slots).
    init(blackholed: ()) { state = .blackholed(.none) }
}

/// What a thunk computes when forced.
public enum Suspension {
    /// Compiled code in an environment (the evaluator core's own representation).
    case code(Code, Env)
    /// `f arg`, applied when forced (builtins use it to stay lazy: map, genList, …).
    case apply(Value, Value, Span)
    /// Any other deferred computation.
    case native((Evaluator) throws -> Value)
}
