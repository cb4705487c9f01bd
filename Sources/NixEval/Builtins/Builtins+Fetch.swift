// Builtins: fetchers.

import NixSyntax

extension Builtins {
    static let fetchers: [PrimOp] = []
}
