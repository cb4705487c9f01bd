// Builtins: xml.

import NixSyntax

extension Builtins {
    static let xml: [PrimOp] = []
}
