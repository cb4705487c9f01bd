// Every file (and every `-E` expression) read during one evaluation, so that a
// span can be turned into file:line:column and a source excerpt when an error
// is printed. It does not read files itself: callers register the text.

import Foundation

/// One registered source text.
public struct SourceFile: Sendable {
    /// Absolute path of the file, or a display name such as `«string»`.
    public let name: String
    /// The file's bytes, as UTF-8.
    public let text: [UInt8]
    /// True when `name` is a real path on disk (relative paths resolve against its directory).
    public let isFile: Bool
    /// Byte offsets of the start of each line, computed lazily by `SourceMap`.
    let lineStarts: [Int]

    init(name: String, text: [UInt8], isFile: Bool) {
        self.name = name
        self.text = text
        self.isFile = isFile
        // Like nix, a lone CR ends a line too (CR LF is one line end).
        var starts = [0]
        for (i, b) in text.enumerated() {
            if b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && (i + 1 == text.count || text[i + 1] != UInt8(ascii: "\n"))) {
                starts.append(i + 1)
            }
        }
        self.lineStarts = starts
    }
}

/// A resolved position, 1-based like Nix prints it.
public struct SourceLocation: Hashable, Sendable {
    public let file: String
    public let line: Int
    public let column: Int
}

/// All source texts of one evaluation. Not thread-safe: one evaluator owns one map.
public final class SourceMap: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Registers a text and returns its id. `isFile` tells whether `name` is a path on disk.
    @discardableResult
    public func add(name: String, text: [UInt8], isFile: Bool) -> FileID {
        files.append(SourceFile(name: name, text: text, isFile: isFile))
        return FileID(raw: Int32(files.count - 1))
    }

    @discardableResult
    public func add(name: String, text: String, isFile: Bool) -> FileID {
        add(name: name, text: Array(text.utf8), isFile: isFile)
    }

    public func file(_ id: FileID) -> SourceFile? {
        let i = Int(id.raw)
        return i >= 0 && i < files.count ? files[i] : nil
    }

    /// Line and column (1-based; the column counts bytes, as Nix does) of a span's start.
    public func location(of span: Span) -> SourceLocation? {
        guard let f = file(span.file) else { return nil }
        let offset = min(max(Int(span.start), 0), f.text.count)
        var lo = 0, hi = f.lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if f.lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(file: f.name, line: lo + 1, column: offset - f.lineStarts[lo] + 1)
    }

    /// "file:line:column" as Nix writes a position inside a message, with
    /// "(string)" for a text that is not a file (`-E`).
    public func positionText(_ span: Span) -> String? {
        guard let f = file(span.file), let loc = location(of: span) else { return nil }
        return "\(f.isFile ? f.name : "(string)"):\(loc.line):\(loc.column)"
    }

    /// The text of line `line` (1-based) of a file, without its newline.
    public func lineText(_ id: FileID, line: Int) -> String? {
        guard let f = file(id), line >= 1, line <= f.lineStarts.count else { return nil }
        let start = f.lineStarts[line - 1]
        var end = line < f.lineStarts.count ? f.lineStarts[line] - 1 : f.text.count
        if end < start { end = start }
        if end > start && f.text[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: f.text[start..<end], as: UTF8.self)
    }
}
