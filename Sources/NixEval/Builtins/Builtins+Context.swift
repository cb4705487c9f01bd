// Builtins: context.

import NixSyntax

extension Builtins {
    static let context: [PrimOp] = []
}
