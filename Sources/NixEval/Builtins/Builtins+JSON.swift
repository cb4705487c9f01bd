// Builtins: toJSON and fromJSON. The writer is `Evaluator.printJSON`
// (Output/JSON.swift), the reader `JSONParser` (Output/JSONParser.swift);
// this file only binds them to the language, with Nix's error framing.

import NixSyntax

extension Builtins {
    static var json: [PrimOp] { [
        PrimOp("toJSON", arity: 1,
               doc: "The JSON text of a value (forced deeply; paths are copied to the store).") { ev, args, span in
            .string(try ev.jsonString(args[0], at: span, copyToStore: true))
        },

        PrimOp("fromJSON", arity: 1,
               doc: "The value a JSON text denotes: objects become sets, numbers integers or floats.") { ev, args, span in
            let text = try ev.contextFreeString(args[0], at: span)
            var parser = JSONParser(text)
            do {
                return try parser.parse { members in
                    .attrs(Attrs(unsorted: members.map { Attr(name: ev.symbols.intern($0.0), value: $0.1) }))
                }
            } catch let error as JSONParseError {
                // Nix reports the reader's message without a position, and the call in the trace.
                throw EvalError(error.message, at: .none, trace: [TraceFrame("while decoding a JSON string", at: span)])
            }
        },
    ] }
}
