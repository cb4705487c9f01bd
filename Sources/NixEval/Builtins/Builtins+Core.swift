// Builtins: core.

import NixSyntax

extension Builtins {
    static let core: [PrimOp] = []
}

extension Builtins {
    static let coreConstants: [BuiltinConstant] = []
}
