// Builtins: paths.

import NixSyntax

extension Builtins {
    static let paths: [PrimOp] = []
}
