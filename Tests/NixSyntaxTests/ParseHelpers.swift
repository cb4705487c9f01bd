// Helpers shared by the parser tests: parse a text and render its tree (see
// `Expr.debugDescription`) or its diagnostics as `line:column: message`.

import NixSyntax

/// The rendered tree of `source`, or the diagnostics if there are any.
func tree(_ source: String) -> String {
    let (result, map) = Parser.parse(source)
    if !result.diagnostics.isEmpty {
        return "errors: " + render(result.diagnostics, map).joined(separator: " | ")
    }
    return result.expr.debugDescription
}

/// The diagnostics of `source` as `line:column: message`.
func errors(_ source: String) -> [String] {
    let (result, map) = Parser.parse(source)
    return render(result.diagnostics, map)
}

/// The first diagnostic of `source`, or "none".
func firstError(_ source: String) -> String {
    errors(source).first ?? "none"
}

func render(_ diagnostics: [Diagnostic], _ map: SourceMap) -> [String] {
    diagnostics.map { d in
        guard let l = map.location(of: d.span) else { return "?:?: \(d.message)" }
        return "\(l.line):\(l.column): \(d.message)"
    }
}
