// A short, diff-like excerpt of two texts for test failure messages: the first
// differing lines with a little context, `-` expected and `+` actual. It is not
// a minimal diff; it only has to show a reader where two outputs part.

enum TextDiff {
    static func excerpt(expected: String, actual: String, context: Int = 2, maxLines: Int = 12) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = 0
        while first < e.count, first < a.count, e[first] == a[first] { first += 1 }
        var out: [String] = []
        for i in max(0, first - context)..<first { out.append("  " + clip(e[i])) }
        var shown = 0
        var i = first
        while (i < e.count || i < a.count) && shown < maxLines {
            if i < e.count, i < a.count, e[i] == a[i] {
                out.append("  " + clip(e[i]))
            } else {
                if i < e.count { out.append("- " + clip(e[i])) }
                if i < a.count { out.append("+ " + clip(a[i])) }
            }
            shown += 1
            i += 1
        }
        if i < e.count || i < a.count { out.append("  …") }
        return out.joined(separator: "\n")
    }

    /// Long single-line outputs (one printed value) are cut around the first difference.
    private static func clip(_ line: String) -> String {
        line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
