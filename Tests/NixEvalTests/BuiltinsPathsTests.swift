// Tests of the file and store builtins. Store paths are checked two ways:
// computed for the store directory /tmp/nixs/store, they must equal what
// nix-instantiate 2.8 printed with NIX_STORE_DIR=/tmp/nixs/store (nothing is
// written there); and the builtins themselves run against a fresh temporary
// store, where they must write what they name.

import Foundation
import Testing
@testable import NixEval

/// The tree the expected hashes were computed from (see the suite's header).
struct SampleTree {
    let parent: String
    var root: String { parent + "/pathtest" }

    init() throws {
        parent = NSTemporaryDirectory() + "roost-tree-\(UUID().uuidString.lowercased())"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        try Data("#!/bin/sh\necho hi\n".utf8).write(to: URL(fileURLWithPath: root + "/run.sh"))
        chmod(root + "/run.sh", 0o755)
        try Data().write(to: URL(fileURLWithPath: root + "/sub/empty-file"))
        try Data(String(repeating: "x", count: 100).utf8).write(to: URL(fileURLWithPath: root + "/sub/deeper/long"))
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: root + "/sub/dangling", withDestinationPath: "/nonexistent/target")
    }

    func remove() { try? FileManager.default.removeItem(atPath: parent) }
}

@Suite struct BuiltinsPathsTests {
    static let nixStore = StorePaths(storeDir: "/tmp/nixs/store")

    func withStore(_ body: (Evaluator, String) throws -> Void) throws {
        let dir = TB.scratchStore()
        defer { TB.removeStore(dir) }
        var o = EvalOptions()
        o.storeDir = dir
        try body(Evaluator(options: o), dir)
    }

    @Test("text store paths equal Nix's for the same store directory")
    func textPaths() throws {
        #expect(try Self.nixStore.textPath(name: "foo", contents: Array("hello".utf8), references: [])
            == "/tmp/nixs/store/71c7wwlmlhpcndx5mi1dc11cjfl4qjwa-foo")
        #expect(try StorePaths(storeDir: "/nix/store").textPath(name: "foo", contents: Array("hello".utf8), references: [])
            == "/nix/store/310sbjjj0kkf5zpszk81r054z76hsrww-foo")
        #expect(try Self.nixStore.textPath(name: "nm", contents: Array("x\ny".utf8), references: [])
            == "/tmp/nixs/store/yi1dbpwamahg47nikysxv3fa44w3151x-nm")
        let b = try Self.nixStore.textPath(name: "b", contents: Array("y".utf8), references: [])
        #expect(b == "/tmp/nixs/store/why8imnqz1jv9djlpmq0gw4n4vnfz1qk-b")
        #expect(try Self.nixStore.textPath(name: "a", contents: Array(b.utf8), references: [b])
            == "/tmp/nixs/store/547ala0cgmdv6hx4qfq222516fkh5s71-a")
        #expect(try Self.nixStore.textPath(name: ".a", contents: Array("x".utf8), references: [])
            == "/tmp/nixs/store/mdhhgdk69684w28gcmhkx28r2l4ym9h0-.a")
    }

    @Test("invalid store names fail with Nix's messages")
    func badNames() {
        func err(_ name: String) -> String? {
            TB.error { try Self.nixStore.textPath(name: name, contents: Array("x".utf8), references: []) }
        }
        #expect(err("a b") == "store path 'mkasi3m77ppv59mw0v1j5gknyb3q7qqk-a b' contains illegal character ' '")
        #expect(err("") == "store path '4ia3vdmgn0lhi3a4zhq3xciqba7mfcpy-' has an empty name")
        #expect(err(String(repeating: "a", count: 212))
            == "store path '32s550pyrhlh6jai4hspwfq5j0qqy65n-\(String(repeating: "a", count: 212))' has a name longer than 211 characters")
        #expect(err(String(repeating: "a", count: 211)) == nil)
    }

    @Test("nix-base32 encodes and decodes digests as Nix does")
    func base32() throws {
        let digest = Hex.decode("581891ca754cb56b91acf8eb3e53e2ea86db939f5f1dbb7926d4d5d28ce05707") ?? []
        #expect(NixBase32.encode(digest) == "01spw26d5mfl4rwvn7azky9xp1paw99kxszqmj8npdacfp59262q")
        #expect(NixBase32.decode("01spw26d5mfl4rwvn7azky9xp1paw99kxszqmj8npdacfp59262q", byteCount: 32) == digest)
        #expect(NixBase32.decode("e1spw26d5mfl4rwvn7azky9xp1paw99kxszqmj8npdacfp59262q", byteCount: 32) == nil)
        #expect(NixBase32.decode("z1spw26d5mfl4rwvn7azky9xp1paw99kxszqmj8npdacfp59262q", byteCount: 32) == nil)
    }

    @Test("the archive hash of a tree equals nix-hash's, and tree paths equal Nix's")
    func treePaths() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        let nar = try Archive.hash(root: Array(tree.root.utf8), filter: nil, copyTo: nil)
        #expect(Hex.encode(nar) == "581891ca754cb56b91acf8eb3e53e2ea86db939f5f1dbb7926d4d5d28ce05707")
        let w = StoreWriter(storeDir: "/tmp/nixs/store")
        #expect(try w.pathOf(tree.root, name: "pathtest", filter: nil).path == "/tmp/nixs/store/16dkc18f8c3z1rdcm8wx2dcixf1yq5qk-pathtest")
        #expect(try w.pathOf(tree.root, name: "src", filter: nil).path == "/tmp/nixs/store/r32dsagz8fsw94g1x6zzyb3j8lj95brg-src")
        #expect(try w.pathOf(tree.root, name: "src", filter: { $1 != .symlink }).path
            == "/tmp/nixs/store/3ymfj21n9yyfm29w3p4slcr3j9ggdssz-src")
        #expect(try w.pathOf(tree.root, name: "pathtest", filter: { p, _ in !p.hasSuffix("/sub") }).path
            == "/tmp/nixs/store/jhv71jmp1mgcvq2ph1lm21y9v0x0av9j-pathtest")
        #expect(try w.pathOf(tree.root + "/a.txt", name: "a.txt", filter: nil).path == "/tmp/nixs/store/zv3816yfdr3vihbjqkfxi4h8193bs13v-a.txt")
        #expect(try w.pathOf(tree.root + "/link", name: "link", filter: nil).path == "/tmp/nixs/store/gfryxxsifr02548qhrqpqzc0jf2yh6m3-link")
        #expect(try w.pathOf(tree.root + "/empty", name: "empty", filter: nil).path == "/tmp/nixs/store/l53arm57j6jw6fh94j6h5cccw9wdq39y-empty")
        let flat = ContentHash(algorithm: .sha256, bytes: sha256Bytes(Array("hello\n".utf8)))
        #expect(try Self.nixStore.fixedOutputPath(recursive: false, hash: flat, name: "a.txt") == "/tmp/nixs/store/52imnlzanz4njqp2zp05rrbj8cik6kgc-a.txt")
    }

    @Test("toFile writes a read-only file named by its content and returns it with context")
    func toFile() throws {
        try withStore { ev, dir in
            let r = try ev.forceString(try TB.call(ev, "toFile", .string("foo"), .string("hello")), at: .none)
            let expected = try StorePaths(storeDir: dir).textPath(name: "foo", contents: Array("hello".utf8), references: [])
            #expect(r.string == expected)
            #expect(r.context.elements == [expected])
            #expect(FileManager.default.contents(atPath: expected) == Data("hello".utf8))
            let attrs = try FileManager.default.attributesOfItem(atPath: expected)
            #expect((attrs[.posixPermissions] as? Int) == 0o444)
            // Writing it again is harmless and gives the same path.
            let again = try ev.forceString(try TB.call(ev, "toFile", .string("foo"), .string("hello")), at: .none)
            #expect(again.string == expected)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".tmp") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("temporaries of writers that died are swept; those of live processes are kept")
    func staleTemporaries() throws {
        try withStore { ev, dir in
            let fm = FileManager.default
            // No process can have this pid (it is above any pid_max); pid 1 always runs.
            let dead = "\(dir)/.tmp-2147483646-0f0f", live = "\(dir)/.tmp-1-0f0f"
            try fm.createDirectory(atPath: dead + "/sub", withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: dead + "/sub/f"))
            chmod(dead + "/sub", 0o555)
            try fm.createDirectory(atPath: live, withIntermediateDirectories: true)
            _ = try TB.call(ev, "toFile", .string("f"), .string("x"))
            #expect(!fm.fileExists(atPath: dead))
            #expect(fm.fileExists(atPath: live))
        }
    }

    @Test("toFile records references and refuses derivation outputs")
    func toFileReferences() throws {
        try withStore { ev, dir in
            let b = try ev.forceString(try TB.call(ev, "toFile", .string("b"), .string("y")), at: .none)
            let a = try ev.forceString(try TB.call(ev, "toFile", .string("a"), .string(b)), at: .none)
            #expect(a.string == (try StorePaths(storeDir: dir).textPath(name: "a", contents: Array(b.string.utf8), references: [b.string])))
            // Reading a file back gives its references as context.
            let read = try ev.forceString(try TB.call(ev, "readFile", .string(a)), at: .none)
            #expect(read.string == b.string && read.context.elements == [b.string])
            let drv = "\(dir)/9c2r2qf2wr4fp228rfk7rmz1siv8qpk5-x.drv"
            let out = NixString("\(dir)/x", context: StringContext("!out!" + drv))
            #expect(TB.error { try TB.call(ev, "toFile", .string("a"), .string(out)) }
                == "in 'toFile': the file named 'a' must not contain a reference to a derivation but contains (!out!\(drv))")
            let all = NixString(drv, context: StringContext("=" + drv))
            #expect(TB.error { try TB.call(ev, "toFile", .string("a"), .string(all)) }
                == "in 'toFile': the file named 'a' must not contain a reference to a derivation but contains (=\(drv))")
            #expect(TB.error { try TB.call(ev, "toFile", .string("a"), .path("/foo")) } == "value is a path while a string was expected")
            #expect(TB.error { try TB.call(ev, "toFile", .string("a b"), .string("x")) }?.contains("contains illegal character ' '") == true)
        }
    }

    @Test("path and filterSource copy trees into the store under Nix's names")
    func addPaths() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        try withStore { ev, dir in
            let w = StoreWriter(storeDir: dir)
            let r = try ev.forceString(try TB.call(ev, "path", ev.makeAttrs([("path", .path(tree.root)), ("name", .string("src"))])), at: .none)
            #expect(r.string == (try w.pathOf(tree.root, name: "src", filter: nil).path))
            #expect(r.context.elements == [r.string])
            #expect(FileManager.default.contents(atPath: r.string + "/sub/deeper/long") == Data(String(repeating: "x", count: 100).utf8))
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: r.string + "/link")) == "a.txt")
            #expect(FileManager.default.isExecutableFile(atPath: r.string + "/run.sh"))
            // The copy hashes like the original.
            #expect(try w.pathOf(r.string, name: "src", filter: nil).path == r.string)

            var seen: [String] = []
            let filter = TB.fn2 { ev, p, t in
                let path = try ev.forceString(p, at: .none).string, type = try ev.forceString(t, at: .none).string
                seen.append("\(path.dropFirst(tree.root.count)) \(type)")
                return .bool(!path.hasSuffix("/sub"))
            }
            let f = try ev.forceString(try TB.call(ev, "filterSource", filter, .path(tree.root)), at: .none)
            #expect(f.string == (try w.pathOf(tree.root, name: "pathtest", filter: { p, _ in !p.hasSuffix("/sub") }).path))
            #expect(seen == ["/a.txt regular", "/empty directory", "/link symlink", "/run.sh regular", "/sub directory"])
            #expect(!FileManager.default.fileExists(atPath: f.string + "/sub"))
        }
    }

    @Test("path checks a given sha256 and supports flat files")
    func pathHashes() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        try withStore { ev, dir in
            let good = ev.makeAttrs([("path", .path(tree.root)), ("name", .string("src")),
                                     ("sha256", .string("01spw26d5mfl4rwvn7azky9xp1paw99kxszqmj8npdacfp59262q"))])
            let r = try ev.forceString(try TB.call(ev, "path", good), at: .none)
            #expect(r.string.hasSuffix("-src"))
            let bad = ev.makeAttrs([("path", .path(tree.root)), ("name", .string("other")),
                                    ("sha256", .string("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s"))])
            #expect(TB.error { try TB.call(ev, "path", bad) } == "store path mismatch in (possibly filtered) path added from '\(tree.root)'")
            let wrongType = ev.makeAttrs([("path", .path(tree.root)), ("sha256", .string("sha1:1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s"))])
            #expect(TB.error { try TB.call(ev, "path", wrongType) } == "hash 'sha1:1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s' should have type 'sha256'")
            let short = ev.makeAttrs([("path", .path(tree.root)), ("sha256", .string("abc"))])
            #expect(TB.error { try TB.call(ev, "path", short) } == "hash 'abc' has wrong length for hash type 'sha256'")
            let flat = ev.makeAttrs([("path", .path(tree.root + "/a.txt")), ("recursive", .bool(false))])
            let f = try ev.forceString(try TB.call(ev, "path", flat), at: .none)
            let hash = ContentHash(algorithm: .sha256, bytes: sha256Bytes(Array("hello\n".utf8)))
            #expect(f.string == (try StorePaths(storeDir: dir).fixedOutputPath(recursive: false, hash: hash, name: "a.txt")))
            #expect(FileManager.default.contents(atPath: f.string) == Data("hello\n".utf8))
        }
    }

    @Test("path reports bad arguments as Nix does")
    func pathErrors() throws {
        try withStore { ev, _ in
            #expect(TB.error { try TB.call(ev, "path", ev.makeAttrs([("path", .path("/tmp")), ("foo", .int(1))])) }
                == "unsupported argument 'foo' to 'addPath'")
            #expect(TB.error { try TB.call(ev, "path", ev.makeAttrs([("name", .string("x"))])) } == "'path' required")
            #expect(TB.error { try TB.call(ev, "path", .int(1)) } == "value is an integer while a set was expected")
            #expect(TB.error { try TB.call(ev, "path", ev.makeAttrs([("path", .path("/nonexistent-roost"))])) }
                == "getting status of '/nonexistent-roost': No such file or directory")
            #expect(TB.error { try TB.call(ev, "filterSource", .int(1), .path("/tmp")) }
                == "first argument in call to 'filterSource' is not a function but an integer")
            #expect(TB.error { try TB.call(ev, "filterSource", TB.fn2 { _, _, _ in .bool(true) }, .string("rel")) }
                == "string 'rel' doesn't represent an absolute path")
        }
    }

    @Test("readFile, readDir and pathExists read the file system")
    func reading() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        let ev = Evaluator()
        #expect(try TB.show(ev, TB.call(ev, "readFile", .path(tree.root + "/a.txt"))) == #""hello\n""#)
        #expect(try TB.show(ev, TB.call(ev, "readDir", .path(tree.root)))
            == #"{ "a.txt" = "regular"; empty = "directory"; link = "symlink"; "run.sh" = "regular"; sub = "directory"; }"#)
        #expect(try TB.show(ev, TB.call(ev, "pathExists", .string(tree.root + "/sub/dangling"))) == "true")
        #expect(try TB.show(ev, TB.call(ev, "pathExists", .string(tree.root + "/a.txt/"))) == "false")
        #expect(try TB.show(ev, TB.call(ev, "pathExists", .path(tree.root + "/nope"))) == "false")
        #expect(TB.error { try TB.call(ev, "readFile", .path("/nonexistent-roost")) } == "opening file '/nonexistent-roost': No such file or directory")
        #expect(TB.error { try TB.call(ev, "readFile", .path(tree.root)) } == "reading from file: Is a directory")
        #expect(TB.error { try TB.call(ev, "readFile", .string("rel")) } == "string 'rel' doesn't represent an absolute path")
        #expect(TB.error { try TB.call(ev, "readDir", .path("/nonexistent-roost")) } == "opening directory '/nonexistent-roost': No such file or directory")
        #expect(TB.error { try TB.call(ev, "readDir", .path(tree.root + "/a.txt")) } == "opening directory '\(tree.root)/a.txt': Not a directory")
    }

    @Test("toPath normalises without touching the disk; storePath accepts only store paths")
    func toPathAndStorePath() throws {
        try withStore { ev, dir in
            #expect(try TB.show(ev, TB.call(ev, "toPath", .string("/a/./b//c/../d/"))) == #""/a/b/d""#)
            #expect(TB.error { try TB.call(ev, "toPath", .string("a")) } == "string 'a' doesn't represent an absolute path")
            let file = try ev.forceString(try TB.call(ev, "toFile", .string("f"), .string("x")), at: .none)
            let plain = try ev.forceString(try TB.call(ev, "storePath", .string(file.string)), at: .none)
            #expect(plain.string == file.string && plain.context.elements == [file.string])
            #expect(TB.error { try TB.call(ev, "storePath", .string("/nonexistent-roost/x")) }
                == "getting status of '/nonexistent-roost': No such file or directory")
            #expect(TB.error { try TB.call(ev, "storePath", .string("/tmp")) } == "path '/tmp' is not in the Nix store")
            let missing = "\(dir)/42x2s2fsy08pkqa039zizsk8f4r7k93n-a"
            #expect(TB.error { try TB.call(ev, "readFile", .string(NixString(missing, context: StringContext(missing)))) }
                == "path '\(missing)' is not valid")
        }
    }

    @Test("hashes parse from base-16, base-32, base-64 and SRI as Nix parses them")
    func hashParsing() throws {
        let empty = Hex.decode("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") ?? []
        for text in ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                     "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                     "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
                     "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                     "sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                     "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
                     "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=x"] {
            #expect(try ContentHash.parse(text, expected: .sha256).bytes == empty, "\(text)")
        }
        #expect(try ContentHash.parse("md5-1B2M2Y8AsgTpgAmY7PhCfg==", expected: nil).hex == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(try ContentHash.parse("sha1:143xibwh31h9bvxzalr0sjvbbvpa6ffs", expected: nil).hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let cases: [(String, String)] = [
            ("sha256:abc", "hash 'abc' has wrong length for hash type 'sha256'"),
            ("sha256-abc", "invalid SRI hash 'abc'"),
            ("sha256:!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!=", "invalid character in Base64 string: ''"),
            ("sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' has wrong length for hash type 'sha256'"),
            ("SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "unknown hash algorithm 'SHA256'"),
            ("foo:abc", "unknown hash algorithm 'foo'"),
            ("sha256:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "invalid base-32 hash 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'"),
            ("sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "invalid base-16 hash 'g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"),
        ]
        for (text, message) in cases {
            #expect(TB.error { try ContentHash.parse(text, expected: nil) } == message)
        }
        #expect(TB.error { try ContentHash.parse("abc", expected: nil) }
            == "hash 'abc' does not include a type, nor is the type otherwise known from context")
    }
}

/// Path builtins through the whole evaluator, with Nix functions as filters;
/// expected paths from nix-instantiate 2.8 with NIX_STORE_DIR=/tmp/roost-test-store.
@Suite struct BuiltinsPathsEvalTests {
    @Test("path and filterSource call Nix filters and name the result as Nix does")
    func filters() throws {
        let tree = try SampleTree()
        defer { tree.remove() }
        #expect(TB.eval("builtins.path { path = \(tree.root); name = \"src\"; filter = p: t: t != \"symlink\"; }")
            == #""/tmp/roost-test-store/qkzbynsamjxm7j5rv660lnd36wyl773x-src""#)
        #expect(TB.eval("builtins.filterSource (p: t: baseNameOf p != \"sub\") \(tree.root)")
            == #""/tmp/roost-test-store/7xlhq17x1a4j5fwcp2v6qlnwlwa2795a-pathtest""#)
        #expect(TB.eval("\"${\(tree.root)}\"") == #""/tmp/roost-test-store/jvk228jagdwgl3famvcbmx1ka0yrd35j-pathtest""#)
        #expect(TB.eval("builtins.path { path = \(tree.root); filter = p: t: 1; }") == "error: value is an integer while a Boolean was expected")
        #expect(TB.eval("builtins.readFile (builtins.toFile \"x\" \"y\")") == #""y""#)
        #expect(TB.eval("builtins.readDir \(tree.root)/sub") == #"{ dangling = "symlink"; deeper = "directory"; empty-file = "regular"; }"#)
    }
}
