// Builtins: lists.

import NixSyntax

extension Builtins {
    static let lists: [PrimOp] = []
}
