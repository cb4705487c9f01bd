// How XML output sees a function value. Kept apart from the printer because
// it depends on the evaluator core's closure representation.
// PENDING: the core's `Closure` does not expose its parameter pattern yet;
// until it does, functions print as <unevaluated />.

import NixSyntax

extension Evaluator {
    func xmlFunctionShape(_ closure: Closure) -> XMLFunctionShape? {
        nil
    }
}
