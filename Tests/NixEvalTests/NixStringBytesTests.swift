// Nix strings are bytes: the NixString representation (text, or exact bytes
// when they are not UTF-8), attribute names made of such bytes, and the
// builtins whose inputs come from outside the language (file names,
// environment variables). The language-level behaviour is covered by the
// golden cases eval-okay-bytes-*.nix, checked against nix-instantiate.

import Foundation
import NixSyntax
import Testing
@testable import NixEval

@Suite struct NixStringBytesTests {
    @Test("valid UTF-8 becomes text; other bytes are kept exactly, with a readable rendering")
    func representation() {
        let text = NixString(bytes: Array("é".utf8))
        #expect(text.isText)
        #expect(text.string == "é")
        let cut = NixString(bytes: [0xC3])
        #expect(!cut.isText)
        #expect(cut.bytes == [0xC3])
        #expect(cut.byteCount == 1)
        // The rendering (for messages) gives the bytes back; it is no U+FFFD.
        #expect(ExactRendering.bytes(of: cut.string) == [0xC3])
        #expect(!cut.string.unicodeScalars.contains("\u{FFFD}"))
        // A context change keeps the bytes.
        #expect(cut.with(context: StringContext("/nix/store/x")).bytes == [0xC3])
    }

    @Test("two halves that are not UTF-8 join into text again")
    func halvesJoin() {
        let whole = NixString(bytes: [0xC3]).appending(NixString(bytes: [0xA9]))
        #expect(whole.isText)
        #expect(whole.string == "é")
        #expect(whole.nixEquals(NixString("é")))
    }

    @Test("bytes compare byte-wise with text: never equal to it, ordered by bytes")
    func comparison() {
        let cut = NixString(bytes: [0xC3])
        #expect(!cut.nixEquals(NixString("\u{FFFD}")))
        #expect(cut.nixLess(NixString("é")))
        #expect(NixString("z").nixLess(cut))
        #expect(!cut.nixLess(cut))
        #expect(cut.nixEquals(NixString(bytes: [0xC3])))
    }

    @Test("a name that is not UTF-8 is its own symbol, apart from its rendering")
    func symbols() {
        let table = SymbolTable()
        let raw = table.intern(NixString(bytes: [0xC3]))
        let rendering = table.intern("\u{FFFD}")
        #expect(raw != rendering)
        #expect(table.intern(NixString(bytes: [0xC3])) == raw)
        #expect(table.lookup(NixString(bytes: [0xC3])) == raw)
        #expect(table.lookup(NixString(bytes: [0xFF])) == nil)
        #expect(table.nameString(raw).bytes == [0xC3])
        #expect(table.nameString(rendering).isText)
        table.refreshNameOrder()
        #expect(table.nameLess(rendering, raw) == false)
    }

    @Test("readDir names a file whose name is not UTF-8 by its exact bytes")
    func readDirBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("roost-bytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name: [UInt8] = Array("caf".utf8) + [0xE9]
        let path = Array(dir.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in c.baseAddress.map { open($0, O_CREAT | O_WRONLY, 0o644) } ?? -1 }
        }
        #expect(fd >= 0)
        close(fd)
        var request = EvalRequest(source: .expression(
            "builtins.attrNames (builtins.readDir \(dir))", baseDirectory: "/"))
        request.strict = true
        let r = Instantiate.run(request)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdoutBytes == Array("[ \"".utf8) + name + Array("\" ]\n".utf8))
    }

    @Test("getEnv returns a variable's exact bytes")
    func getEnvBytes() {
        let variable = "ROOST_BYTES_TEST_\(getpid())"
        let raw: [CChar] = [CChar(bitPattern: 0x61), CChar(bitPattern: 0xE9), 0]
        raw.withUnsafeBufferPointer { p in _ = p.baseAddress.map { setenv(variable, $0, 1) } }
        defer { unsetenv(variable) }
        var request = EvalRequest(source: .expression(
            "let v = builtins.getEnv \"\(variable)\"; in [ v (builtins.stringLength v) ]", baseDirectory: "/"))
        request.strict = true
        let r = Instantiate.run(request)
        #expect(r.stdoutBytes == Array("[ \"a".utf8) + [0xE9] + Array("\" 2 ]\n".utf8))
    }
}
