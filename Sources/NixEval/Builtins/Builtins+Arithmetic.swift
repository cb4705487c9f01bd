// Builtins: arithmetic.

import NixSyntax

extension Builtins {
    static let arithmetic: [PrimOp] = []
}
