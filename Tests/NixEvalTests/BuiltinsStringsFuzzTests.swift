// Random and hostile inputs through the text-reading builtins (regexes,
// JSON, TOML, versions, replaceStrings): every input must give a value or
// an evaluation error, never a crash. Deterministic: a fixed seed.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsStringsFuzzTests {
    typealias H = StringBuiltinsHarness

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func text(from alphabet: [String], maxLength: Int) -> String {
            let n = Int(next() % UInt64(maxLength + 1))
            return (0..<n).map { _ in pick(alphabet) }.joined()
        }
    }

    static let regexAlphabet = ["a", "b", ".", "(", ")", "[", "]", "{", "}", "|", "*", "+", "?", "^", "$", "\\", "-", ",", ":",
                                "=", "1", "2", "[:alpha:]", "[.a.]", "{1,2}", "é", " ", "\n"]
    static let jsonAlphabet = ["{", "}", "[", "]", ",", ":", "\"", "\\", "u", "d8", "00", "1", "-", ".", "e", "+", "true", "nul",
                               " ", "\n", "\u{1}", "é", "a", "0", "9", "E"]
    static let tomlAlphabet = ["a", "=", " ", "\n", "[", "]", "[[", "]]", "\"", "'", "\"\"\"", "'''", "{", "}", ",", ".", "1", "_",
                               "0x", "e", "-", "+", "inf", "#", "\\", "u", "1979-05-27", "07:32:00", "T", "true", "\t", "\r\n"]

    @Test("random patterns and subjects through match and split never crash")
    func regexes() {
        var g = Generator(state: 0x9E3779B97F4A7C15)
        let ev = Evaluator()
        for _ in 0..<3000 {
            let pattern = g.text(from: Self.regexAlphabet, maxLength: 10)
            let subject = g.text(from: ["a", "b", "é", " ", "\n", "1", "-", "."], maxLength: 12)
            for op in ["match", "split"] {
                let r = H.eval(op, .string(pattern), .string(subject), in: ev)
                #expect(!r.hasPrefix("unexpected"), "\(op) \(pattern.debugDescription) \(subject.debugDescription): \(r)")
            }
        }
    }

    @Test("random JSON and TOML texts never crash the readers")
    func readers() {
        var g = Generator(state: 0xD1B54A32D192ED03)
        let ev = Evaluator()
        for _ in 0..<3000 {
            let json = g.text(from: Self.jsonAlphabet, maxLength: 16)
            #expect(!H.eval("fromJSON", .string(json), in: ev).hasPrefix("unexpected"), "fromJSON \(json.debugDescription)")
            let toml = g.text(from: Self.tomlAlphabet, maxLength: 16)
            #expect(!H.eval("fromTOML", .string(toml), in: ev).hasPrefix("unexpected"), "fromTOML \(toml.debugDescription)")
        }
    }

    @Test("hostile sizes are errors or values, not crashes")
    func hostileSizes() {
        let deepGroups = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(H.eval("match", .string(deepGroups), .string("a")) == "error: invalid regular expression '\(deepGroups)'")
        let nested = String(repeating: "(", count: 900) + "a" + String(repeating: ")", count: 900)
        #expect(H.eval("match", .string(nested), .string("a")).hasPrefix("[ \"a\""))
        #expect(H.eval("match", .string("a{1000}{1000}"), .string("a")) == "error: memory limit exceeded by regular expression 'a{1000}{1000}'")
        #expect(H.eval("substring", .int(Int.max), .int(Int.min), .string("abc")) == "error: negative start position in 'substring'")
        #expect(H.eval("substring", .int(Int.max - 1), .int(Int.min), .string("abc")) == "error: negative start position in 'substring'")
        #expect(H.eval("compareVersions", .string(String(repeating: "9", count: 10_000)), .string("1")) == "-1")
        #expect(H.eval("replaceStrings", H.strings([""]), H.strings(["ab"]), .string(String(repeating: "x", count: 10_000))).count == 30_004)
    }
}
