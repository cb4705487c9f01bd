// Source text that is not UTF-8, evaluated: literals and attribute names of a
// Latin-1 file become byte-exact strings and symbols, `-E`/`--arg`/`--argstr`
// given as such bytes keep them, and errors write them back as they are.
// Outputs are compared with `cmp`-exact byte arrays (what nix-instantiate 2.8
// prints for the same input; the golden cases eval-okay-bytes-source-*.nix
// check the same against nix itself).

import Foundation
import NixSyntax
import Testing
@testable import NixEval

@Suite struct SourceBytesEvalTests {
    func run(_ request: EvalRequest) -> EvalResult {
        var request = request
        request.strict = true
        return Instantiate.run(request)
    }

    func expression(_ bytes: [UInt8]) -> EvalResult {
        run(EvalRequest(source: .expressionBytes(bytes, baseDirectory: "/")))
    }

    func b(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a Latin-1 literal evaluates to exactly its bytes, alone and interpolated")
    func literal() {
        let r = expression(b("let y = \"Y\"; in [ \"caf") + [0xE9] + b("\" \"") + [0xE8] + b("${y}") + [0xE7] + b("\" ]"))
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdoutBytes == b("[ \"caf") + [0xE9] + b("\" \"") + [0xE8] + b("Y") + [0xE7] + b("\" ]\n"))
    }

    @Test("literal halves that are not UTF-8 join into text")
    func halvesJoin() {
        let r = expression(b("let t = \"") + [0xA9] + b("\"; in [ (\"") + [0xC3] + b("${t}\" == \"é\") (builtins.stringLength \"") + [0xC3] + b("\") ]"))
        #expect(r.stdout == "[ true 1 ]\n", "\(r.stderr)")
    }

    @Test("a Latin-1 attribute name is the symbol of its bytes, apart from the same name in UTF-8")
    func attributeNames() {
        let r = expression(b("let s = { \"") + [0xE9] + b("\" = 1; \"é\" = 2; }; in [ s.\"") + [0xE9] + b("\" s.\"é\" (s ? \"") + [0xE8] + b("\") ]"))
        #expect(r.stdout == "[ 1 2 false ]\n", "\(r.stderr)")
    }

    @Test("a thrown string that is not UTF-8 reaches stderr as its bytes")
    func thrownBytes() {
        let r = expression(b("throw \"bad ") + [0xE9] + b("\""))
        #expect(r.exitCode == 1)
        #expect(r.stderrBytes.starts(with: b("error: bad ") + [0xE9, 0x0A]))
    }

    @Test("the source line under an error keeps the bytes of the source")
    func caretLine() {
        let r = expression(b("\"") + [0xE9] + b("\" + 1"))
        #expect(r.stderrBytes.starts(with: b("error: cannot coerce an integer to a string\n")))
        let line = b("            1| \"") + [0xE9] + b("\" + 1\n             |       ^")
        #expect(r.stderrBytes.firstRange(of: line) != nil, "\(r.stderr)")
    }

    @Test("--argstr and --arg given as bytes that are not UTF-8 keep them")
    func arguments() {
        var request = EvalRequest(source: .expression("{ s, e }: [ s e ]", baseDirectory: "/"))
        request.arguments = [("s", .stringBytes([0x61, 0xE9])), ("e", .expressionBytes(b("\"") + [0xE8] + b("\"")))]
        let r = run(request)
        #expect(r.stdoutBytes == b("[ \"a") + [0xE9] + b("\" \"") + [0xE8] + b("\" ]\n"), "\(r.stderr)")
    }

    @Test("a derivation with attribute values and names that are not UTF-8 hashes their bytes, as Nix does")
    func derivationBytes() throws {
        // The paths nix-instantiate 2.8 prints for this expression with
        // NIX_STORE_DIR=/tmp/roost-bytes-drv-store (the store directory is
        // part of every hash, so this test uses that very directory).
        let store = "/tmp/roost-bytes-drv-store"
        let existed = FileManager.default.fileExists(atPath: store)
        defer { if !existed { try? FileManager.default.removeItem(atPath: store) } }
        var request = EvalRequest(source: .expressionBytes(
            b("let d = derivation { name = \"x\"; system = \"x\"; builder = \"/b") + [0xE9] + b("\"; a = \"v") + [0xE9]
                + b("\"; \"") + [0xE8] + b("\" = \"k\"; args = [ \"") + [0xE7] + b("\" ]; }; in [ d.drvPath d.outPath ]"),
            baseDirectory: "/"))
        request.options.storeDir = store
        let r = run(request)
        #expect(r.stdout == "[ \"\(store)/xz1qc3gc69lvn7cyx21v2szgsbgbc41s-x.drv\" \"\(store)/8z0gnx9k8pgc9gz3my94vn3q95i3682d-x\" ]\n", "\(r.stderr)")
        // The .drv file holds the bytes themselves.
        let drv = FileManager.default.contents(atPath: store + "/xz1qc3gc69lvn7cyx21v2szgsbgbc41s-x.drv").map { Array($0) } ?? []
        #expect(drv.firstRange(of: b("(\"a\",\"v") + [0xE9] + b("\")")) != nil)
    }

    @Test("a store path name that is not UTF-8 is refused naming its first bad byte, as Nix does")
    func storeNameByte() {
        let r = expression(b("builtins.toFile \"x") + [0xC3, 0xA9, 0xE9] + b("\" \"a\""))
        #expect(r.exitCode == 1)
        // Nix names one byte, even of a valid multi-byte character.
        let tail = b("-x") + [0xC3, 0xA9, 0xE9] + b("' contains illegal character '") + [0xC3] + b("'\n")
        #expect(r.stderrBytes.firstRange(of: tail) != nil, "\(r.stderr)")
    }

    @Test("a file whose name is not UTF-8 is read, found, hashed and imported through a path of its bytes")
    func pathToLatin1File() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roost-srcbytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name: [UInt8] = b("f") + [0xE9] + b(".nix")
        let file = b(dir + "/") + name
        let fd = (file + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in c.baseAddress.map { open($0, O_CREAT | O_WRONLY, 0o644) } ?? -1 }
        }
        #expect(fd >= 0)
        let content = b("\"x") + [0xE8] + b("\"")
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let p = b("(/. + \"") + file + b("\")")
        let r = expression(b("[ (builtins.readFile ") + p + b(") (builtins.pathExists ") + p + b(") (import ") + p
            + b(") (builtins.hashFile \"sha256\" ") + p + b(" == builtins.hashString \"sha256\" (builtins.readFile ") + p + b(")) ]"))
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdoutBytes == b("[ \"\\\"x") + [0xE8] + b("\\\"\" true \"x") + [0xE8] + b("\" true ]\n"), "\(r.stdout)")
    }

    @Test("__curPos in -E bytes names the expression's exact bytes as its file, as Nix does")
    func currentPositionBytes() {
        let text = b("[ \"") + [0xE9] + b("\" __curPos.file ]")
        let r = expression(text)
        #expect(r.stdoutBytes == b("[ \"") + [0xE9] + b("\" \"[ \\\"") + [0xE9] + b("\\\" __curPos.file ]\" ]\n"), "\(r.stdout)")
    }

    @Test("a literal that is valid UTF-8 compiles to a plain text constant")
    func textStaysText() throws {
        let ev = Evaluator(options: EvalOptions())
        let value = try ev.evaluate(expression: "\"café\"", baseDirectory: "/")
        guard case .string(let s) = value else { Issue.record("not a string: \(value)"); return }
        #expect(s.isText)
    }
}
