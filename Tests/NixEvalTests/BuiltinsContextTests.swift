// Tests of the string-context builtins. Expected values come from
// nix-instantiate 2.8 run with NIX_STORE_DIR=/tmp/nixs/store, the store
// directory these evaluators use (nothing is written to it here).

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsContextTests {
    let ev: Evaluator = {
        var o = EvalOptions()
        o.storeDir = "/tmp/nixs/store"
        return Evaluator(options: o)
    }()

    static let file = "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a"
    static let drv = "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a.drv"

    func set(_ pairs: [(String, Value)]) -> Value { ev.makeAttrs(pairs) }

    func append(_ spec: [(String, Value)]) throws -> Value {
        try TB.call(ev, "appendContext", .string("a"), set(spec))
    }

    @Test("getContext decodes plain, all-outputs and single-output elements")
    func getContext() throws {
        let ctx = StringContext(elements: [Self.file, "=" + Self.drv, "!out!" + Self.drv, "!dev!" + Self.drv, "!bin!" + Self.drv])
        let r = try TB.call(ev, "getContext", .string(NixString("x", context: ctx)))
        #expect(try TB.show(ev, r) == #"{ "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a" = { path = true; }; "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a.drv" = { allOutputs = true; outputs = [ "bin" "dev" "out" ]; }; }"#)
        #expect(try TB.show(ev, TB.call(ev, "getContext", .string("plain"))) == "{ }")
        #expect(TB.error { try TB.call(ev, "getContext", .path("/tmp")) } == "value is a path while a string was expected")
    }

    @Test("hasContext tells whether a string refers to store paths")
    func hasContext() throws {
        #expect(try TB.show(ev, TB.call(ev, "hasContext", .string(NixString("x", context: StringContext(Self.file))))) == "true")
        #expect(try TB.show(ev, TB.call(ev, "hasContext", .string("x"))) == "false")
        #expect(TB.error { try TB.call(ev, "hasContext", .int(1)) } == "value is an integer while a string was expected")
    }

    @Test("appendContext round-trips through getContext")
    func appendRoundTrip() throws {
        let r = try append([(Self.drv, set([("path", .bool(true)), ("allOutputs", .bool(true)),
                                            ("outputs", .list([.string("out"), .string("dev"), .string("bin")]))]))])
        #expect(try TB.show(ev, r) == #""a""#)
        #expect(try TB.show(ev, TB.call(ev, "getContext", r))
            == #"{ "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a.drv" = { allOutputs = true; outputs = [ "bin" "dev" "out" ]; path = true; }; }"#)
        let keep = try TB.call(ev, "appendContext", .string(NixString("s", context: StringContext(Self.file))), set([]))
        #expect(try ev.forceString(keep, at: .none).context.elements == [Self.file])
    }

    @Test("appendContext ignores false flags, empty output lists and unknown fields")
    func appendNothing() throws {
        for spec in [set([("outputs", .list([]))]), set([]), set([("foo", .int(1))]), set([("path", .bool(false))])] {
            #expect(try TB.show(ev, TB.call(ev, "getContext", try append([(Self.file, spec)]))) == "{ }")
        }
    }

    @Test("appendContext rejects keys that are not store paths, as Nix words it")
    func appendBadKeys() {
        for key in ["/tmp/x", "/tmp/nixs/store/x", "/tmp/nixs/store/e2x2s2fsy08pkqa039zizsk8f4r7k93n-a",
                    "/tmp/nixs/store/42x2s2fsy08pkqa039zizsk8f4r7k93n-a b"] {
            #expect(TB.error { try append([(key, set([("path", .bool(true))]))]) } == "Context key '\"\(key)\"' is not a store path")
        }
    }

    @Test("appendContext allows outputs only of derivations")
    func appendNonDerivation() {
        #expect(TB.error { try append([(Self.file, set([("path", .bool(true)), ("allOutputs", .bool(true))]))]) }
            == "Tried to add all-outputs context of \"\(Self.file)\", which is not a derivation, to a string")
        #expect(TB.error { try append([(Self.file, set([("outputs", .list([.string("out")]))]))]) }
            == "Tried to add derivation output context of \"\(Self.file)\", which is not a derivation, to a string")
    }

    @Test("appendContext checks the types of its arguments")
    func appendTypes() {
        #expect(TB.error { try append([(Self.file, set([("path", .int(1))]))]) } == "value is an integer while a Boolean was expected")
        #expect(TB.error { try append([(Self.file, .int(1))]) } == "value is an integer while a set was expected")
        #expect(TB.error { try TB.call(ev, "appendContext", .int(1), set([])) } == "value is an integer while a string was expected")
        #expect(TB.error { try TB.call(ev, "appendContext", .string("a"), .int(1)) } == "value is an integer while a set was expected")
    }

    @Test("attribute names in messages are quoted only when they are not identifiers")
    func identifiers() {
        #expect(AttrName.shown("foo-bar'") == "foo-bar'")
        #expect(AttrName.shown("/a/b") == "\"/a/b\"")
        #expect(AttrName.shown("1a") == "\"1a\"")
        #expect(AttrName.shown("") == "\"\"")
        #expect(AttrName.shown("if") == "\"if\"")
        #expect(AttrName.shown("a\"${b}") == #""a\"\${b}""#)
        // As nix-instantiate 2.8 prints them: `if` is the only keyword quoted, every `$` escaped.
        #expect(AttrName.shown("let") == "let")
        #expect(AttrName.shown("a$b") == #""a\$b""#)
    }
}

/// The context builtins through the whole evaluator, with store paths as
/// nix-instantiate 2.8 computed them for NIX_STORE_DIR=/tmp/roost-test-store.
@Suite struct BuiltinsContextEvalTests {
    @Test("discarding context keeps the text and drops the references")
    func discard() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        #expect(TB.eval("builtins.unsafeDiscardStringContext \(tree.root)/a.txt")
            == #""/tmp/roost-test-store/vldx98c39yqqcvmxbw1f4f7i9dglxid7-a.txt""#)
        #expect(TB.eval("builtins.hasContext (builtins.unsafeDiscardStringContext \"${builtins.toFile \"b\" \"y\"}\")") == "false")
        #expect(TB.eval("builtins.unsafeDiscardStringContext 1") == "error: cannot coerce an integer to a string")
        #expect(TB.eval("builtins.getContext (builtins.unsafeDiscardOutputDependency \"${(derivation {name=\"x\"; builder=\"b\"; system=\"s\";}).drvPath}\")")
            == #"{ "/tmp/roost-test-store/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv" = { path = true; }; }"#)
        #expect(TB.eval("builtins.getContext (derivation {name=\"x\"; builder=\"b\"; system=\"s\";}).outPath")
            == #"{ "/tmp/roost-test-store/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv" = { outputs = [ "out" ]; }; }"#)
    }
}
