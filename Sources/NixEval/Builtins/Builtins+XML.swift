// Builtins: toXML. The writer is `Evaluator.xmlString` (Output/XML.swift);
// the builtin forces deeply and omits positions, as Nix's does.

import NixSyntax

extension Builtins {
    static var xml: [PrimOp] { [
        PrimOp("toXML", arity: 1,
               doc: "The XML text of a value, in Nix's own XML format (forced deeply).") { ev, args, span in
            .string(try ev.xmlString(args[0], at: span, strict: true))
        },
    ] }
}
