// Errors of evaluation. `CatchableError` (from `throw` and `assert`) is a type
// of its own because `builtins.tryEval` must catch only it; every other
// failure is an `EvalError`, which nothing in the language can catch.

import NixSyntax

/// One "while evaluating …" step of an error's trace, innermost first.
public struct TraceFrame: Sendable {
    public var message: String
    public var span: Span
    public init(_ message: String, at span: Span) {
        self.message = message
        self.span = span
    }
}

/// An error that points at a place in the source (`.none` until one is known).
public protocol PlacedError: Error {
    var span: Span { get set }
}

/// A fatal evaluation error: type errors, abort, infinite recursion, missing attributes, …
public struct EvalError: PlacedError, Sendable {
    public var message: String
    public var span: Span
    /// Innermost first.
    public var trace: [TraceFrame]
    /// Names close to a missing one ("Did you mean …?"), best first.
    public var suggestions: [String] = []
    /// Set on errors that must not collect frames (stack overflow: the trace would be as deep as the stack).
    public var suppressesTrace = false

    public init(_ message: String, at span: Span, trace: [TraceFrame] = []) {
        self.message = message
        self.span = span
        self.trace = trace
    }
}

/// An error that `builtins.tryEval` catches: `throw` and failed `assert`.
public struct CatchableError: PlacedError, Sendable {
    public var message: String
    public var span: Span
    public var trace: [TraceFrame]

    public init(_ message: String, at span: Span, trace: [TraceFrame] = []) {
        self.message = message
        self.span = span
        self.trace = trace
    }
}
