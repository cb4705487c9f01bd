// Builtins: derivations.

import NixSyntax

extension Builtins {
    static let derivations: [PrimOp] = []
}
