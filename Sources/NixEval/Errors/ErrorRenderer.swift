// Renders an error the way Nix 2.8 lays it out on stderr:
//
//   error: <message>
//
//          at FILE:LINE:COL:
//
//               1| previous line
//               2| the line
//                |     ^
//               3| next line
//          Did you mean x?
//
//          … while evaluating 'f'
//          …
//
// Line and column are computed here, from the source map, only when printing.
// Frames are innermost first; all of them with --show-trace, otherwise the
// innermost `defaultFrames` and a line saying how many more there are.

import NixSyntax

public struct ErrorRenderer {
    public let sources: SourceMap
    /// How many frames are shown without --show-trace.
    public static let defaultFrames = 3

    public init(sources: SourceMap) { self.sources = sources }

    /// The rendered error as the bytes to write: pieces that came from
    /// bytes that are not UTF-8 (a thrown string, a name, a source line of
    /// a Latin-1 file) are written as those bytes, as Nix does.
    public func renderBytes(_ error: EvalError, showTrace: Bool) -> [UInt8] {
        ExactRendering.bytes(of: render(error, showTrace: showTrace))
    }

    public func renderBytes(_ error: CatchableError, showTrace: Bool) -> [UInt8] {
        ExactRendering.bytes(of: render(error, showTrace: showTrace))
    }

    public func render(_ error: EvalError, showTrace: Bool) -> String {
        render(message: error.message, span: error.span, suggestions: error.suggestions, trace: error.trace, showTrace: showTrace)
    }

    public func render(_ error: CatchableError, showTrace: Bool) -> String {
        render(message: error.message, span: error.span, suggestions: [], trace: error.trace, showTrace: showTrace)
    }

    public func render(message: String, span: Span, suggestions: [String], trace: [TraceFrame], showTrace: Bool) -> String {
        var text = message + "\n"
        appendPosition(span, to: &text)
        if !suggestions.isEmpty {
            text += "Did you mean \(Suggestions.text(suggestions))?\n"
        }
        let shown = showTrace ? trace : Array(trace.prefix(ErrorRenderer.defaultFrames))
        for frame in shown {
            text += "\n… " + frame.message + "\n"
            appendPosition(frame.span, to: &text)
        }
        if shown.count < trace.count {
            let more = trace.count - shown.count
            text += "\n(\(more) more frame\(more == 1 ? "" : "s") not shown; use '--show-trace' to see all of them)\n"
        }
        return "error: " + ErrorRenderer.indent(ErrorRenderer.chomp(text), by: "       ") + "\n"
    }

    /// "\nat FILE:L:C:" and, when the line can be read, the excerpt.
    func appendPosition(_ span: Span, to text: inout String) {
        guard !span.isNone, let file = sources.file(span.file), let loc = sources.location(of: span) else { return }
        text += "\nat \(file.name):\(loc.line):\(loc.column):"
        guard let lines = codeLines(file, line: loc.line) else { return }
        text += "\n"
        // Nix trims trailing whitespace from every excerpt line (gutter included).
        if let prev = lines.previous { text += "\n" + ErrorRenderer.rtrim(gutter(loc.line - 1) + prev) }
        text += "\n" + ErrorRenderer.rtrim(gutter(loc.line) + lines.current)
        text += "\n      |" + String(repeating: " ", count: loc.column) + "^"
        if let next = lines.next { text += "\n" + ErrorRenderer.rtrim(gutter(loc.line + 1) + next) }
        text += "\n"
    }

    private func gutter(_ line: Int) -> String {
        let n = String(line)
        return " " + String(repeating: " ", count: max(0, 5 - n.count)) + n + "| "
    }

    /// The lines around `line` as Nix reads them: a file's last line counts only
    /// when it ends in a newline; a string's text after its last newline is a line.
    func codeLines(_ file: SourceFile, line: Int) -> (previous: String?, current: String, next: String?)? {
        var lines: [Substring] = []
        // A line that is not UTF-8 keeps its bytes (nix prints them as they are).
        let text = Substring(ExactRendering.text(of: file.text))
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if file.isFile {
            // The piece after the final newline is unterminated: Nix drops it.
            lines = Array(parts.dropLast())
        } else {
            lines = Array(parts)
        }
        guard line >= 1, line <= lines.count else { return nil }
        let prev = line >= 2 ? String(lines[line - 2]) : nil
        let next = line < lines.count ? String(lines[line]) : nil
        return (prev, String(lines[line - 1]), next)
    }

    static func rtrim(_ s: String) -> String {
        var u = Array(s.utf8)
        while let last = u.last, last == 0x20 || last == 0x09 || last == 0x0D { u.removeLast() }
        return String(decoding: u, as: UTF8.self)
    }

    static func chomp(_ s: String) -> String {
        var u = Array(s.utf8)
        while let last = u.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D { u.removeLast() }
        return String(decoding: u, as: UTF8.self)
    }

    /// Indents every line after the first; blank lines stay empty.
    static func indent(_ s: String, by prefix: String) -> String {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for (i, line) in lines.enumerated() {
            if i > 0 {
                out += "\n"
                if !line.isEmpty { out += prefix }
            }
            out += line
        }
        return out
    }
}
