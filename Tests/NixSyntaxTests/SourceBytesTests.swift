// Source text that is not UTF-8 (a Latin-1 file): string literals and quoted
// attribute names keep their exact bytes in the tree, valid text stays a
// plain String, and duplicate names are told apart by their bytes. The
// evaluated results are checked against nix-instantiate by the golden cases
// eval-okay-bytes-source-*.nix.

import Testing
import NixSyntax

@Suite struct SourceBytesTests {
    /// Parses raw bytes (not necessarily UTF-8).
    func parse(_ bytes: [UInt8]) -> (ParseResult, SourceMap) {
        let map = SourceMap()
        let id = map.add(name: "«string»", text: bytes, isFile: false)
        return (Parser.parse(map, file: id), map)
    }

    func b(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a string literal that is not UTF-8 keeps its bytes; a valid one stays text")
    func literals() {
        let (latin1, _) = parse(b("\"caf") + [0xE9] + b("\""))
        guard case .string(let parts, _) = latin1.expr, case .bytes(let raw)? = parts.first else {
            Issue.record("expected a byte literal, got \(latin1.expr)")
            return
        }
        #expect(raw == [0x63, 0x61, 0x66, 0xE9])
        let (utf8, _) = parse(b("\"café\""))
        guard case .string(let textParts, _) = utf8.expr, case .literal(let t)? = textParts.first else {
            Issue.record("expected a text literal, got \(utf8.expr)")
            return
        }
        #expect(t == "café")
    }

    @Test("escapes and indentation are applied to byte literals, and interpolation splits them")
    func indentedAndInterpolated() {
        let (r, _) = parse(b("''\n  a") + [0xE9] + b("''\\n${x}\n  b''"))
        guard case .string(let parts, _) = r.expr, parts.count == 3,
              case .bytes(let first) = parts[0], case .interpolation = parts[1], case .literal(let last) = parts[2] else {
            Issue.record("unexpected tree \(r.expr)")
            return
        }
        #expect(first == [0x61, 0xE9, 0x0A])
        #expect(last == "\nb")
    }

    @Test("a quoted attribute name that is not UTF-8 is a static name of bytes")
    func names() {
        let (r, _) = parse(b("{ \"") + [0xE9] + b("\" = 1; ${\"") + [0xE8] + b("\"} = 2; }"))
        guard case .attrs(_, let bindings, _) = r.expr, bindings.count == 2,
              case .attribute(let p1, _, _) = bindings[0], case .bytes(let n1, _)? = p1.first,
              case .attribute(let p2, _, _) = bindings[1], case .bytes(let n2, _)? = p2.first else {
            Issue.record("unexpected tree \(r.expr)")
            return
        }
        #expect(n1 == [0xE9])
        #expect(n2 == [0xE8])
        #expect(r.diagnostics.isEmpty)
    }

    @Test("names are duplicates only when their bytes are equal, and are shown quoted")
    func duplicates() {
        let (distinct, _) = parse(b("{ \"") + [0xE9] + b("\" = 1; \"") + [0xE8] + b("\" = 2; }"))
        #expect(distinct.diagnostics.isEmpty)
        let (same, map) = parse(b("{ \"") + [0xE9] + b("\" = 1; \"") + [0xE9] + b("\" = 2; }"))
        let messages = render(same.diagnostics, map)
        #expect(messages.count == 1)
        let message = ExactRendering.bytes(of: same.diagnostics.first?.message ?? "")
        #expect(message == b("attribute '\"") + [0xE9] + b("\"' already defined at (string):1:3"))
    }

    @Test("nix quotes a name in a message unless it reads as an identifier")
    func shownNames() {
        #expect(AttrName.shown("ab") == "ab")
        #expect(AttrName.shown("or") == "or")
        #expect(AttrName.shown("a-b'") == "a-b'")
        #expect(AttrName.shown("if") == "\"if\"")
        #expect(AttrName.shown("a b") == "\"a b\"")
        #expect(AttrName.shown("1a") == "\"1a\"")
        #expect(AttrName.shown("") == "\"\"")
        #expect(AttrName.shown("a\"$\n") == "\"a\\\"\\$\\n\"")
    }

    @Test("the exact rendering gives back every byte sequence and leaves text alone")
    func exactRendering() {
        #expect(ExactRendering.text(of: Array("café".utf8)) == "café")
        for b in UInt8(0x80)...UInt8(0xFF) {
            let raw: [UInt8] = [0x61, b, 0x62, b, b]
            let text = ExactRendering.text(of: raw)
            #expect(ExactRendering.bytes(of: text) == raw)
            #expect(!text.unicodeScalars.contains("\u{FFFD}"))
        }
        // A valid sequence next to broken ones survives as it is.
        let mixed: [UInt8] = [0xC3, 0xA9, 0xC3, 0x41, 0xE2, 0x82, 0xF0]
        #expect(ExactRendering.bytes(of: ExactRendering.text(of: mixed)) == mixed)
        #expect(ExactRendering.bytes(of: "plain · text") == Array("plain · text".utf8))
    }
}
