// Files through `Instantiate.run`: import of files and directories (cached
// per path), scopedImport, relative paths, `<name>` through -I, `__curPos` in
// a file, -A selection, --arg/--argstr auto-calling. Each test writes its
// own small tree in a fresh temporary directory; expectations were recorded
// from nix-instantiate 2.8 on the same trees.

import Testing
import Foundation
import NixEval

struct FileTree {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "roost-eval-" + UUID().uuidString
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func run(_ file: String, strict: Bool = false, attrPaths: [String] = [],
             arguments: [(name: String, value: EvalRequest.Argument)] = [], searchPath: [String] = []) -> EvalResult {
        var r = EvalRequest(source: .file(root + "/" + file))
        r.strict = strict
        r.attrPaths = attrPaths
        r.arguments = arguments
        r.options.searchPath = searchPath
        r.options.storeDir = root + "/store"
        return Instantiate.run(r)
    }
}

@Suite struct EvalFilesTests {
    static let tree: [String: String] = [
        "main.nix": """
            { greeting ? "hello", who }:
            let
              lib = import ./lib;
              again = import ./lib/default.nix;
            in {
              message = "${greeting}, ${who}!";
              sameImport = lib == again;
              scoped = scopedImport { x = 40; } ./scoped.nix;
              fromDir = (import ./dir).value;
              here = ./.;
              position = __curPos;
              search = import <ft/lib>;
            }

            """,
        "lib/default.nix": "{ double = x: x * 2; name = \"lib\"; }\n",
        "scoped.nix": "x + 2\n",
        "dir/default.nix": "{ value = import ../scoped.nix; }\n",
        "counter.nix": "builtins.trace \"evaluated once\" { n = 1; }\n",
        "twice.nix": "[ (import ./counter.nix).n (import ./counter.nix).n ]\n",
    ]

    @Test("--argstr and -A select and auto-call a function with formals")
    func argstrAndAttrPath() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        let r = t.run("main.nix", attrPaths: ["message"], arguments: [("who", .string("world"))])
        #expect(r.stdout == "\"hello, world!\"\n")
        #expect(r.exitCode == 0)
        let top = t.run("main.nix", strict: true)
        #expect(top.stdout == "<LAMBDA>\n")
    }

    @Test("scopedImport puts the given names in scope; plain import of the same file does not")
    func scopedImport() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        #expect(t.run("main.nix", attrPaths: ["scoped"], arguments: [("who", .string("w"))]).stdout == "42\n")
        let r = t.run("main.nix", attrPaths: ["fromDir"], arguments: [("who", .string("w"))])
        #expect(r.exitCode == 1)
        #expect(r.stderr.hasPrefix("error: undefined variable 'x'\n\n       at \(t.root)/scoped.nix:1:1:\n\n            1| x + 2\n             | ^\n"))
    }

    @Test("<name> resolves through -I entries; a directory import reads default.nix")
    func searchPath() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        let r = t.run("main.nix", attrPaths: ["search.name"], arguments: [("who", .string("w"))], searchPath: ["ft=\(t.root)"])
        #expect(r.stdout == "\"lib\"\n")
        let missing = t.run("main.nix", attrPaths: ["search.name"], arguments: [("who", .string("w"))])
        #expect(missing.stderr.hasPrefix("error: file 'ft/lib' was not found in the Nix search path (add it using $NIX_PATH or -I)\n"))
    }

    @Test("__curPos and relative paths refer to the file they are written in")
    func positionsAndPaths() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        let pos = t.run("main.nix", strict: true, attrPaths: ["position"], arguments: [("who", .string("w"))])
        #expect(pos.stdout == "{ column = 14; file = \"\(t.root)/main.nix\"; line = 11; }\n")
        let here = t.run("main.nix", attrPaths: ["here"], arguments: [("who", .string("w"))])
        #expect(here.stdout == "\(t.root)\n")
    }

    @Test("a file is evaluated once however often it is imported")
    func importCache() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        let r = t.run("twice.nix", strict: true)
        #expect(r.stdout == "[ 1 1 ]\n")
        #expect(r.stderr == "trace: evaluated once\n")
    }

    @Test("a missing file and a directory without default.nix are reported like Nix")
    func missingFiles() throws {
        let t = try FileTree(Self.tree)
        defer { t.remove() }
        let r = t.run("nope.nix")
        #expect(r.stderr == "error: getting status of '\(t.root)/nope.nix': No such file or directory\n")
        try FileManager.default.createDirectory(atPath: t.root + "/empty", withIntermediateDirectories: true)
        let d = t.run("empty")
        #expect(d.stderr == "error: opening file '\(t.root)/empty/default.nix': No such file or directory\n")
    }
}
