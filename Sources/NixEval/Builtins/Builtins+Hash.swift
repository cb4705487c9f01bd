// Builtins: hashing.

import NixSyntax

extension Builtins {
    static let hashing: [PrimOp] = []
}
