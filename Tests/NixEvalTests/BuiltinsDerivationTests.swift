// Tests of derivationStrict and derivation. Every expected drvPath, outPath
// and .drv text was produced by nix-instantiate 2.8 with
// NIX_STORE_DIR=/tmp/roost-test-store, so these evaluators use that store
// directory. What they write there is content-addressed and written
// atomically, so parallel runs agree; the directory is never cleaned up.

import Foundation
import Testing
@testable import NixEval

@Suite struct BuiltinsDerivationTests {
    static let store = "/tmp/roost-test-store"
    let ev: Evaluator = {
        var o = EvalOptions()
        o.storeDir = BuiltinsDerivationTests.store
        return Evaluator(options: o)
    }()

    func strict(_ pairs: [(String, Value)]) throws -> Attrs {
        try ev.forceAttrs(try TB.call(ev, "derivationStrict", ev.makeAttrs(pairs)), at: .none)
    }

    func str(_ a: Attrs, _ name: String) throws -> NixString {
        try ev.forceString(a[ev.symbols.intern(name)] ?? .null, at: .none)
    }

    var basic: [(String, Value)] { [("name", .string("x")), ("builder", .string("b")), ("system", .string("s"))] }

    func file(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("a minimal derivation gets Nix's drvPath, outPath, contexts and .drv file")
    func minimal() throws {
        let r = try strict(basic)
        let drvPath = "\(Self.store)/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv"
        let out = "\(Self.store)/l6l2bccw4bgh0vpl473z1g96wxxz4rs4-x"
        #expect(try str(r, "drvPath").string == drvPath)
        #expect(try str(r, "drvPath").context.elements == ["=" + drvPath])
        #expect(try str(r, "out").string == out)
        #expect(try str(r, "out").context.elements == ["!out!" + drvPath])
        #expect(file(drvPath) == #"Derive([("out","\#(out)","","")],[],[],"s","b",[],[("builder","b"),("name","x"),("out","\#(out)"),("system","s")])"#)
    }

    @Test("derivation returns Nix's set: the attributes, all, drvAttrs, drvPath, outPath, outputName, type")
    func wrapper() throws {
        let d = try ev.forceAttrs(try TB.call(ev, "derivation", ev.makeAttrs(basic)), at: .none)
        #expect(try TB.show(ev, TB.call(ev, "attrNames", .attrs(d)))
            == #"[ "all" "builder" "drvAttrs" "drvPath" "name" "out" "outPath" "outputName" "system" "type" ]"#)
        #expect(try str(d, "drvPath").string == "\(Self.store)/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv")
        #expect(try str(d, "outPath").string == "\(Self.store)/l6l2bccw4bgh0vpl473z1g96wxxz4rs4-x")
        #expect(try str(d, "type").string == "derivation")
        #expect(try str(d, "outputName").string == "out")
        #expect(try TB.show(ev, d[ev.symbols.intern("drvAttrs")] ?? .null) == #"{ builder = "b"; name = "x"; system = "s"; }"#)
        let out = try ev.forceAttrs(d[ev.symbols.intern("out")] ?? .null, at: .none)
        #expect(try str(out, "outPath").string == "\(Self.store)/l6l2bccw4bgh0vpl473z1g96wxxz4rs4-x")
        #expect(try ev.forceList(d[ev.symbols.intern("all")] ?? .null, at: .none).count == 1)
    }

    @Test("derivation is lazy: its names are known before anything is instantiated")
    func wrapperLazy() throws {
        let d = try TB.call(ev, "derivation", ev.makeAttrs([("name", .string("x")), ("oops", TB.thrower("not forced"))]))
        #expect(try TB.show(ev, TB.call(ev, "attrNames", d))
            == #"[ "all" "drvAttrs" "drvPath" "name" "oops" "out" "outPath" "outputName" "type" ]"#)
        let a = try ev.forceAttrs(d, at: .none)
        #expect(TB.error { try ev.force(a[ev.symbols.intern("drvPath")] ?? .null, at: .none) } == "not forced")
        #expect(TB.error { try TB.call(ev, "derivation", ev.makeAttrs(basic + [("outputs", .list([]))])) }
            == "list index 0 is out of bounds")
        #expect(TB.error { try TB.call(ev, "derivation", ev.makeAttrs(basic + [("outputs", .string("out"))])) }
            == "value is a string while a list was expected")
        #expect(TB.error { try TB.call(ev, "derivation", .int(1)) } == "value is an integer while a set was expected")
    }

    @Test("several outputs each get a path and an output context")
    func outputs() throws {
        let r = try strict(basic + [("outputs", .string("out dev"))])
        let drvPath = "\(Self.store)/fbj8n2qk2qnav43d4fkkwbnxg3xkqnqp-x.drv"
        #expect(try str(r, "drvPath").string == drvPath)
        #expect(try str(r, "out").string == "\(Self.store)/rdvsc9n8i1l7q1daq5zn5qnc6kacfp4w-x")
        #expect(try str(r, "dev").string == "\(Self.store)/j8ln524bmnd98rr250zcx5j2kkzr6vp7-x-dev")
        #expect(try str(r, "dev").context.elements == ["!dev!" + drvPath])
    }

    @Test("outputs of other derivations become input derivations, hashed modulo")
    func dependent() throws {
        let x = try strict(basic + [("outputs", .string("out dev"))])
        let out = try str(x, "out"), dev = try str(x, "dev")
        let builder = NixString(out.string + "/bin/sh", context: out.context)
        let y = try strict([("name", .string("y")), ("builder", .string(builder)), ("system", .string("s")), ("dev", .string(dev))])
        let drvPath = "\(Self.store)/4y1jgrzyy7k8azbjddmhkz8nacvr51gs-y.drv"
        #expect(try str(y, "drvPath").string == drvPath)
        #expect(try str(y, "out").string == "\(Self.store)/hz7mgm97vhdalz970zcmbwz8wlvyq4kq-y")
        let s = Self.store
        #expect(file(drvPath) == #"Derive([("out","\#(s)/hz7mgm97vhdalz970zcmbwz8wlvyq4kq-y","","")],[("\#(s)/fbj8n2qk2qnav43d4fkkwbnxg3xkqnqp-x.drv",["dev","out"])],[],"s","\#(s)/rdvsc9n8i1l7q1daq5zn5qnc6kacfp4w-x/bin/sh",[],[("builder","\#(s)/rdvsc9n8i1l7q1daq5zn5qnc6kacfp4w-x/bin/sh"),("dev","\#(s)/j8ln524bmnd98rr250zcx5j2kkzr6vp7-x-dev"),("name","y"),("out","\#(s)/hz7mgm97vhdalz970zcmbwz8wlvyq4kq-y"),("system","s")])"#)
    }

    static let emptySRI = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="

    @Test("fixed-output derivations are named by their content hash, and so are their dependents")
    func fixedOutput() throws {
        let f = try strict(basic.filter { $0.0 != "name" } + [("name", .string("f")), ("outputHash", .string(Self.emptySRI)),
                                                                   ("outputHashAlgo", .string("sha256")), ("outputHashMode", .string("recursive"))])
        let s = Self.store
        #expect(try str(f, "drvPath").string == "\(s)/xw96pdv7v4fjaji65l7kbk9p9vsf6j10-f.drv")
        #expect(try str(f, "out").string == "\(s)/x4cgw7bap2364wdnkshix4d886v4hp9i-f")
        #expect(file("\(s)/xw96pdv7v4fjaji65l7kbk9p9vsf6j10-f.drv") == #"Derive([("out","\#(s)/x4cgw7bap2364wdnkshix4d886v4hp9i-f","r:sha256","e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")],[],[],"s","b",[],[("builder","b"),("name","f"),("out","\#(s)/x4cgw7bap2364wdnkshix4d886v4hp9i-f"),("outputHash","sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),("outputHashAlgo","sha256"),("outputHashMode","recursive"),("system","s")])"#)
        let g = try strict([("name", .string("g")), ("builder", .string("b")), ("system", .string("s")), ("src", .string(try str(f, "out")))])
        #expect(try str(g, "drvPath").string == "\(s)/k4yabmqy6amm1qsj796d46jazr4k5g33-g.drv")
        #expect(try str(g, "out").string == "\(s)/d4n4rwfxqidlnb39k00s7rrh89mbdik8-g")
        let sha1 = try strict(basic.filter { $0.0 != "name" } + [("name", .string("f")),
            ("outputHash", .string("0000000000000000000000000000000000000000")), ("outputHashAlgo", .string("sha1"))])
        #expect(try str(sha1, "out").string == "\(s)/l3yddgs6bjrd07n0yr5kk8w6ns9787q5-f")
        #expect(try str(sha1, "drvPath").string == "\(s)/h64j5qhpspmz1zrkvgp1r1jbqibw8q4n-f.drv")
        let sha512 = try strict(basic.filter { $0.0 != "name" } + [("name", .string("f")), ("outputHashMode", .string("flat")),
            ("outputHash", .string("sha512:" + String(repeating: "0", count: 128)))])
        #expect(try str(sha512, "out").string == "\(s)/8ynlkhrb12xb23cs7mznjcc5aza6ax4l-f")
        let empty = try strict(basic + [("outputHash", .string("")), ("outputHashAlgo", .string("sha256"))])
        #expect(try str(empty, "out").string == "\(s)/8pv5q2jnk03q1s0fwmk3fl5md9rp2slm-x")
    }

    @Test("__structuredAttrs passes the attributes as __json, in Nix's JSON")
    func structured() throws {
        let foo = ev.makeAttrs([("a", .list([.string("1"), .string("2")])), ("b", .string("\n"))])
        let r = try strict(basic + [("__structuredAttrs", .bool(true)), ("foo", foo), ("outputs", .list([.string("out"), .string("dev")]))])
        let s = Self.store
        #expect(try str(r, "drvPath").string == "\(s)/rvifx9n0l7anf9aq1avzzrgrnk8il1d7-x.drv")
        #expect(file("\(s)/rvifx9n0l7anf9aq1avzzrgrnk8il1d7-x.drv") == #"Derive([("dev","\#(s)/1r9qxzmkdh7n6mj6cdzbvrv27rgzzk0n-x-dev","",""),("out","\#(s)/slizpl8k93y5fg3sy8dma6hqzi516ypd-x","","")],[],[],"s","b",[],[("__json","{\"builder\":\"b\",\"foo\":{\"a\":[\"1\",\"2\"],\"b\":\"\\n\"},\"name\":\"x\",\"outputs\":[\"out\",\"dev\"],\"system\":\"s\"}"),("dev","\#(s)/1r9qxzmkdh7n6mj6cdzbvrv27rgzzk0n-x-dev"),("out","\#(s)/slizpl8k93y5fg3sy8dma6hqzi516ypd-x")])"#)
    }

    @Test("a drvPath in an attribute makes the whole closure of that derivation an input")
    func drvPathClosure() throws {
        let t = try ev.forceString(try TB.call(ev, "toFile", .string("t"), .string("c")), at: .none)
        let x = try strict(basic + [("outputs", .string("out dev")), ("src", .string(t))])
        let z = try strict([("name", .string("z")), ("builder", .string("b")), ("system", .string("s")), ("p", .string(try str(x, "drvPath")))])
        let s = Self.store
        #expect(try str(z, "drvPath").string == "\(s)/lxpx75fxkkn7gf06gz1bf9kp1s3c75dv-z.drv")
        #expect(file("\(s)/lxpx75fxkkn7gf06gz1bf9kp1s3c75dv-z.drv") == #"Derive([("out","\#(s)/a4yrfnfabl4m6bn8bviq3pcryl5xm1hl-z","","")],[("\#(s)/b61m8lv532ky606qjrfgz0qy6xfvr1cz-x.drv",["dev","out"])],["\#(s)/b61m8lv532ky606qjrfgz0qy6xfvr1cz-x.drv","\#(s)/byxw65ixd1lj2w1768m6n77qglihgjgb-t"],"s","b",[],[("builder","b"),("name","z"),("out","\#(s)/a4yrfnfabl4m6bn8bviq3pcryl5xm1hl-z"),("p","\#(s)/b61m8lv532ky606qjrfgz0qy6xfvr1cz-x.drv"),("system","s")])"#)
    }

    @Test("strings are escaped in the .drv file as Nix escapes them; nulls can be ignored")
    func escapingAndNulls() throws {
        let r = try strict(basic + [("s", .string("q\"uo\\te\n\t\r$")), ("args", .list([.string("a"), .string("z\"q")]))])
        #expect(try str(r, "drvPath").string == "\(Self.store)/wx4v5bfymq5bzwarijc1c28xjk9znxw4-x.drv")
        #expect(try str(r, "out").string == "\(Self.store)/258id9n1rlas4m7k2c4grgficqq4c8p6-x")
        let n = try strict(basic + [("__ignoreNulls", .bool(true)), ("d", .null), ("outputs", .null),
                                         ("__contentAddressed", .bool(false)), ("__impure", .bool(false))])
        #expect(try str(n, "drvPath").string == "\(Self.store)/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv")
    }

    @Test("a .drv file reads back into the same derivation and hash")
    func readBack() throws {
        let x = try strict(basic + [("outputs", .string("out dev")), ("q", .string("a\"b\\c\nd"))])
        let path = try str(x, "drvPath").string
        let text = try #require(file(path))
        let drv = try ATermReader.parse(Array(text.utf8), name: "x", path: path)
        #expect(drv.unparse(maskOutputs: false) == text)
        let store = StorePaths(storeDir: Self.store)
        #expect(try store.hashModulo(drv, maskOutputs: false) == store.hashesOfInput(path))
        #expect(TB.error { try ATermReader.parse(Array("Derive([(".utf8), name: "x", path: "/p") }?.hasPrefix("the derivation '/p' is malformed") == true)
    }

    static let errorCases: [([(String, String)], String)] = [
        ([("builder", "b"), ("system", "s")], "attribute 'name' missing for call to 'derivationStrict'"),
        ([("name", "x"), ("system", "s")], "required attribute 'builder' missing"),
        ([("name", "x"), ("builder", "")], "required attribute 'builder' missing"),
        ([("name", "x"), ("builder", "b")], "required attribute 'system' missing"),
        ([("name", "a.drv"), ("builder", "b"), ("system", "s")], "derivation names are not allowed to end in '.drv'"),
        ([("name", "a b"), ("builder", "b"), ("system", "s")], "store path 'kyh9lx0m9x7rcmbls37aacbv44sbj30n-a b' contains illegal character ' '"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputs", "out out")], "duplicate derivation output 'out'"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputs", "drv")], "invalid derivation output name 'drv'"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputs", "")], "derivation cannot have an empty set of outputs"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputs", "out a/b")], "store path 'bf260gb9fr661r5xg1qqr4a5bghj27y2-x-a/b' contains illegal character '/'"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputHashMode", "foo")], "invalid value 'foo' for 'outputHashMode' attribute"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputHash", "")], "empty hash requires explicit hash type"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputHash", "abc"), ("outputHashAlgo", "sha256")], "hash 'abc' has wrong length for hash type 'sha256'"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputHash", "abc"), ("outputHashAlgo", "md7")], "hash 'abc' does not include a type, nor is the type otherwise known from context"),
        ([("name", "x"), ("builder", "b"), ("system", "s"), ("outputHash", emptySRI), ("outputs", "out dev")], "multiple outputs are not supported in fixed-output derivations"),
        ([("name", "a b"), ("builder", "b"), ("system", "s"), ("outputHash", emptySRI)], "store path 'n7k32gsd4hyybgxwgssk5cixxf9nxjab-a b' contains illegal character ' '"),
    ]

    @Test("missing or invalid attributes fail with Nix's messages", arguments: errorCases)
    func errors(attrs: [(String, String)], message: String) {
        #expect(TB.error { try strict(attrs.map { ($0.0, Value.string($0.1)) }) } == message)
    }

    @Test("experimental kinds of derivations are refused as in Nix; wrong types too")
    func refused() {
        #expect(TB.error { try strict(basic + [("__contentAddressed", .bool(true))]) }
            == "experimental Nix feature 'ca-derivations' is disabled; use '--extra-experimental-features ca-derivations' to override")
        #expect(TB.error { try strict(basic + [("__impure", .bool(true))]) }
            == "experimental Nix feature 'impure-derivations' is disabled; use '--extra-experimental-features impure-derivations' to override")
        #expect(TB.error { try strict([("name", .int(1))]) } == "value is an integer while a string was expected")
        #expect(TB.error { try TB.call(ev, "derivationStrict", .int(1)) } == "value is an integer while a set was expected")
        #expect(TB.error { try strict(basic + [("args", .string("a"))]) } == "value is a string while a list was expected")
    }

    @Test("errors in an attribute say which attribute of which derivation")
    func traces() {
        do {
            _ = try strict(basic + [("outputs", .string("out out"))])
            Issue.record("no error")
        } catch let e as EvalError {
            #expect(e.trace.map(\.message) == ["while evaluating the attribute 'outputs' of the derivation 'x'"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// Derivations through the whole evaluator: every kind of attribute value,
/// outputs as a list, paths copied into the store.
@Suite struct BuiltinsDerivationEvalTests {
    @Test("attributes of every type are passed to the builder as Nix passes them")
    func attributeTypes() {
        let expr = #"builtins.derivationStrict {name="x"; builder="b"; system="s"; a = 1; b = true; c = false; d = null; e = [1 "x" [2 3] null true]; f = 1.5; g = {outPath = "op";}; args = ["a" 1 null true]; outputs = ["out" "dev"]; }"#
        #expect(TB.eval(expr) == #"{ dev = "/tmp/roost-test-store/dlj21pb746wmp1mhi35pa1cwlqbbsh28-x-dev"; drvPath = "/tmp/roost-test-store/1pxi2wnbz0pipbrhnvsqjxs98vv5h5lc-x.drv"; out = "/tmp/roost-test-store/plks5513ab9acd4wknbr8psp12vzp5sy-x"; }"#)
        #expect(TB.eval(#"(derivation {name="x"; builder="b"; system="s"; outputs = ["out" "dev"];}).dev.outPath"#)
            == #""/tmp/roost-test-store/j8ln524bmnd98rr250zcx5j2kkzr6vp7-x-dev""#)
        #expect(TB.eval(#"builtins.derivationStrict {name="x"; builder="b"; system="s"; a = {};}"#) == "error: cannot coerce a set to a string")
    }

    @Test("a path attribute is copied into the store and becomes an input source")
    func pathInput() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        #expect(TB.eval("builtins.derivationStrict {name=\"x\"; builder=\"b\"; system=\"s\"; src = \(tree.root); }")
            == #"{ drvPath = "/tmp/roost-test-store/yqd2f2h4k68bq8is0a3pyd047qvxj08y-x.drv"; out = "/tmp/roost-test-store/bd48k09hz0smxzrl4l9qd3214d7d48za-x"; }"#)
    }

    @Test("a derivation's set prints as nix-instantiate prints it")
    func printed() {
        #expect(TB.eval(#"derivation {name="x"; builder="b"; system="s";}"#, strict: false)
            == #"{ all = <CODE>; builder = "b"; drvAttrs = { builder = "b"; name = "x"; system = "s"; }; drvPath = <CODE>; name = "x"; out = «repeated»; outPath = <CODE>; outputName = "out"; system = "s"; type = "derivation"; }"#)
        #expect(TB.eval(#"derivation {name="x"; builder="b"; system="s";}"#)
            == #"{ all = [ «repeated» ]; builder = "b"; drvAttrs = { builder = "b"; name = "x"; system = "s"; }; drvPath = "/tmp/roost-test-store/zhlc2i4mmx26f868bjljgsfzdv0dlhlc-x.drv"; name = "x"; out = «repeated»; outPath = "/tmp/roost-test-store/l6l2bccw4bgh0vpl473z1g96wxxz4rs4-x"; outputName = "out"; system = "s"; type = "derivation"; }"#)
    }
}
