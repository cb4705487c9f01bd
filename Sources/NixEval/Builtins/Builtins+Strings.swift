// Builtins: strings.

import NixSyntax

extension Builtins {
    static let strings: [PrimOp] = []
}
