// Errors of the TOML reader, laid out as Nix's TOML library lays them out:
//
//   [error] toml::parse_key_value_pair: missing value after key-value separator '='
//    --> fromTOML
//      |
//    1 | a =
//      |     ^--- expected value, but got nothing
//
// with a second excerpt after " ..." when two places are involved, and
// "Hint:" lines at the end. Nix indents the lines after the first itself.

import NixSyntax

extension TOMLParser {
    static var integerHints: [String] { ["pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755", "fail: 1__000, 0123"] }
    static var floatHints: [String] { ["pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan", "fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0"] }
    static var keyHints: [String] { ["bare keys  : non-empty strings composed only of [A-Za-z0-9_-].",
                           "quoted keys: same as \"basic strings\" or 'literal strings'.",
                           "dotted keys: sequence of bare or quoted keys joined with a dot."] }

    func invalidKey(at offset: Int) -> TOMLError {
        failure("toml::parse_key: an invalid key appeared.", at: offset, "is not a valid key", hints: Self.keyHints)
    }

    func failure(_ header: String, at offset: Int, _ comment: String, hints: [String] = []) -> TOMLError {
        failure(header, [(TOMLRegion(start: offset, end: offset + 1), comment)], hints: hints)
    }

    func failure(_ header: String, _ marks: [(TOMLRegion, String)], hints: [String] = []) -> TOMLError {
        let located = marks.map { (line(containing: $0.0.start), $0.0, $0.1) }
        let width = located.map { String($0.0.number).count }.max() ?? 1
        let gutter = String(repeating: " ", count: width + 2) + "|"
        var out = "[error] " + header + "\n --> fromTOML\n" + gutter
        for (i, (line, region, comment)) in located.enumerated() {
            if i > 0 { out += "\n ..." }
            let number = String(line.number)
            out += "\n " + String(repeating: " ", count: width - number.count) + number + " |"
            if !line.text.isEmpty { out += " " + line.text }
            let column = region.start - line.start
            // As Nix's library does: the region's size, but no longer than the whole line.
            let length = min(region.end - region.start, line.text.utf8.count)
            let marker = length > 1 ? String(repeating: "~", count: length) : "^---"
            out += "\n" + gutter + " " + String(repeating: " ", count: max(0, column)) + marker + " " + comment
        }
        if !hints.isEmpty {
            out += "\n" + gutter
            for hint in hints { out += "\nHint: " + hint }
        }
        // Nix's TOML library leaves no spaces at the ends of lines.
        return TOMLError(message: out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()) }
            .joined(separator: "\n"))
    }

    /// The 1-based number, start offset and text of the line holding `offset`.
    private func line(containing offset: Int) -> (number: Int, start: Int, text: String) {
        let at = min(max(offset, 0), bytes.count)
        var number = 1, start = 0
        var i = 0
        while i < at {
            if bytes[i] == 0x0A { number += 1; start = i + 1 }
            i += 1
        }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        // ExactRendering: a line that is not UTF-8 reaches stderr as its bytes.
        return (number, start, ExactRendering.text(of: bytes[start..<end]))
    }
}
