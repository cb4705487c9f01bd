// A span is a byte range in one file of a SourceMap. Line and column are not
// stored: they are computed only when a diagnostic is printed.

/// Identifies one file (or `-E` string) registered in a `SourceMap`.
public struct FileID: Hashable, Sendable {
    public let raw: Int32
    @inlinable public init(raw: Int32) { self.raw = raw }
    /// Spans of values that come from no source text (builtins, command line).
    /// Computed and inlinable rather than a stored global: the evaluator
    /// asks for it on hot paths, where a global costs a call.
    @inlinable public static var none: FileID { FileID(raw: -1) }
}

/// A half-open byte range `[start, end)` in a file of a `SourceMap`.
public struct Span: Hashable, Sendable {
    public let file: FileID
    public let start: Int32
    public let end: Int32

    @inlinable public init(file: FileID, start: Int32, end: Int32) {
        self.file = file
        self.start = start
        self.end = end
    }

    public init(file: FileID, start: Int, end: Int) {
        self.init(file: file, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
    }

    /// A span that points nowhere; printed without a source excerpt.
    @inlinable public static var none: Span { Span(file: .none, start: 0, end: 0) }

    @inlinable public var isNone: Bool { file.raw == -1 }

    /// The smallest span that covers both.
    public func to(_ other: Span) -> Span {
        guard file == other.file else { return self }
        return Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}
