// Builtins: json.

import NixSyntax

extension Builtins {
    static let json: [PrimOp] = []
}
