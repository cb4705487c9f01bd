// Builtins: regex.

import NixSyntax

extension Builtins {
    static let regex: [PrimOp] = []
}
