// Builtins: attrs.

import NixSyntax

extension Builtins {
    static let attrs: [PrimOp] = []
}
