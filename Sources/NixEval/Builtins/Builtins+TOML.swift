// Builtins: toml.

import NixSyntax

extension Builtins {
    static let toml: [PrimOp] = []
}
