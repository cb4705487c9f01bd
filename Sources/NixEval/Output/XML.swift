// XML output of values: `builtins.toXML` and `roost eval --xml`.
// SKELETON: the strings/XML builtins group fills this in.

import NixSyntax

extension Evaluator {
    /// The XML text of a value, exactly as Nix writes it (`strict`: force deeply first).
    public func printXML(_ value: Value, at span: Span, strict: Bool) throws -> String {
        throw EvalError("XML output not yet implemented", at: span)
    }
}
