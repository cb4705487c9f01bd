// Builtins: versions.

import NixSyntax

extension Builtins {
    static let versions: [PrimOp] = []
}
