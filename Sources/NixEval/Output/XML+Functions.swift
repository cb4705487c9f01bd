// How XML output sees a function value: where it is written, its formals
// and ellipsis (from the compiled lambda), and its parameter or `@` name.
// The compiled lambda does not keep those names (its parameters are slots),
// so they are read back by parsing the lambda's own source text; should the
// core one day record them, this is the one place to change.

import NixSyntax

extension Evaluator {
    func xmlFunctionShape(_ closure: Closure) -> XMLFunctionShape? {
        var shape = XMLFunctionShape(span: closure.span, name: nil, formals: nil, ellipsis: false)
        switch closure.code.parameter {
        case .identifier:
            shape.name = lambdaParameterName(closure.span)
        case .formals(let formals, let ellipsis, let bindAs):
            shape.formals = formals.map { symbols.name($0.name) }
            shape.ellipsis = ellipsis
            if bindAs { shape.name = lambdaParameterName(closure.span) }
        }
        return shape
    }

    /// The `x` of `x: …`, or the `args` of `args@{…}: …` / `{…}@args: …`.
    private func lambdaParameterName(_ span: Span) -> String? {
        guard let file = sources.file(span.file) else { return nil }
        let start = Int(span.start), end = Int(span.end)
        guard start >= 0, start <= end, end <= file.text.count else { return nil }
        let (result, _) = Parser.parse(String(decoding: file.text[start..<end], as: UTF8.self))
        guard result.diagnostics.isEmpty, case .lambda(let lambda, _) = result.expr else { return nil }
        switch lambda.parameter {
        case .identifier(let name, _): return name
        case .formals(let formals): return formals.bindAs?.name
        }
    }
}
