// `roost eval`: its help text (snapshot), flag validation, and how flags
// become evaluation requests (search path, store dir, --arg pairs).

import Testing
import ArgumentParser
import NixEval
@testable import RoostCLI

@Suite struct EvalCommandTests {
    @Test("roost eval --help matches the snapshot")
    func helpSnapshot() {
        let help = Roost.helpMessage(for: Roost.EvalCommand.self, columns: 80)
        #expect(help == Self.expectedHelp)
    }

    @Test("--json and --xml together are rejected")
    func conflictingFormats() {
        #expect(throws: (any Error).self) { try Roost.EvalCommand.parse(["--json", "--xml", "-E", "1"]) }
    }

    @Test("a file after --arg NAME EXPR is the file, not part of the argument")
    func argThenFile() throws {
        let cmd = try Roost.EvalCommand.parse(["--arg", "x", "1", "--argstr", "y", "s", "f.nix"])
        let requests = cmd.requests(environment: [:], workingDirectory: "/w")
        #expect(requests.count == 1)
        guard case .file(let path)? = requests.first?.source else { Issue.record("not a file request"); return }
        #expect(path == "f.nix")
        #expect(requests.first?.arguments.map { $0.name } == ["x", "y"])
    }

    @Test("-I entries come before NIX_PATH entries; ROOST_STORE_DIR sets the store")
    func searchPathAndStore() throws {
        let cmd = try Roost.EvalCommand.parse(["-I", "a=/x", "-E", "1", "--strict", "--show-trace"])
        let r = cmd.requests(environment: ["NIX_PATH": "b=/y:/z", "ROOST_STORE_DIR": "/s"], workingDirectory: "/w")
        // roost's own `<roost>` entry (when its Nix code is installed) comes last.
        #expect(Array(r.first?.options.searchPath.prefix(3) ?? []) == ["a=/x", "b=/y", "/z"])
        #expect(r.first?.options.storeDir == "/s")
        #expect(r.first?.strict == true)
        #expect(r.first?.options.showTrace == true)
    }

    static let expectedHelp = """
        OVERVIEW: Evaluate a Nix expression, like nix-instantiate --eval.

        Evaluates FILE (default: ./default.nix; a directory means its default.nix) or
        the expression given with -E, and prints the result exactly as nix-instantiate
        --eval would. Search path entries come from -I, then NIX_PATH; paths
        interpolated into strings are copied into ROOST_STORE_DIR (default
        /var/lib/roost/store).

        USAGE: roost eval [<file> ...] [--expr <expr>] [--strict] [--json] [--xml] [--attr <attrpath> ...] [--arg <name expr> ...] [--argstr <name value> ...] [--include <path> ...] [--show-trace] [--eval]

        ARGUMENTS:
          <file>                  Files to evaluate (with -E: more expressions).

        OPTIONS:
          -E, --expr <expr>       Evaluate this expression instead of a file.
          --strict                Evaluate the result deeply (all attributes and list
                                  elements).
          --json                  Print the result as JSON.
          --xml                   Print the result as XML.
          -A, --attr <attrpath>   Print the attribute at this path (repeatable; list
                                  indices allowed).
          --arg <name expr>       Pass argument NAME as the value of Nix expression
                                  EXPR to a top-level function.
          --argstr <name value>   Pass argument NAME as the string VALUE to a top-level
                                  function.
          -I, --include <path>    Add a search path entry (DIR or NAME=DIR) for <NAME>
                                  lookups.
          --show-trace            Show every frame of an error's trace.
          --eval                  Accepted for compatibility with nix-instantiate;
                                  roost eval always evaluates.
          -h, --help              Show help information.

        """
}
