// A problem found while reading source text: what is wrong and where.

public struct Diagnostic: Error, Sendable {
    public let message: String
    public let span: Span

    public init(_ message: String, at span: Span) {
        self.message = message
        self.span = span
    }
}
