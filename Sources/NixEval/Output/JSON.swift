// JSON output of values: `builtins.toJSON` and `roost eval --json`.
// SKELETON: the strings/JSON builtins group fills this in.

import NixSyntax

extension Evaluator {
    /// The JSON text of a value, exactly as Nix writes it (forcing deeply;
    /// paths copied to the store when `copyToStore`, as toJSON does).
    public func printJSON(_ value: Value, at span: Span, copyToStore: Bool) throws -> String {
        throw EvalError("JSON output not yet implemented", at: span)
    }
}
