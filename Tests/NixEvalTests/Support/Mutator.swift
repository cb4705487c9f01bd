// Deterministic mutations of Nix source text for the fuzz tests: byte flips,
// truncations, duplications, splices of two files, and nesting bombs. It only
// makes inputs; whether they parse or evaluate is up to the code under test.

enum Mutator {
    /// Bytes that matter to the Nix lexer, so that flips produce interesting tokens.
    static let interesting: [UInt8] = Array("{}[]();:=.,?@!-+*/<>|&'\"\\$ \n\t#ae0192_~".utf8) + [0, 0xFF, 0xC3, 0x80]

    /// The opening and closing halves of constructs that nest.
    static let nesters: [(String, String)] = [
        ("(", ")"), ("[ ", " ]"), ("{ a = ", "; }"), ("rec { a = ", "; }"), ("let a = ", "; in a"),
        ("x: ", ""), ("if true then ", " else 0"), ("!", ""), ("-", ""), ("\"${", "}\""), ("''${", "}''"),
        ("with {}; ", ""), ("assert true; ", ""), ("{ a, b ? ", " }: 1"), ("builtins.seq ", " 1"),
    ]

    static func mutate(_ input: [UInt8], other: [UInt8], rng: inout SeededRandom) -> [UInt8] {
        var bytes = input
        switch rng.below(7) {
        case 0, 1: // flip a few bytes
            guard !bytes.isEmpty else { return [rng.pick(interesting)] }
            for _ in 0..<(rng.below(4) + 1) {
                let i = rng.below(bytes.count)
                bytes[i] = rng.chance(70) ? rng.pick(interesting) : UInt8(truncatingIfNeeded: rng.next())
            }
        case 2: // truncate
            bytes = Array(bytes.prefix(rng.below(bytes.count + 1)))
        case 3: // duplicate a slice in place
            guard !bytes.isEmpty else { break }
            let a = rng.below(bytes.count), b = min(bytes.count, a + rng.below(40) + 1)
            bytes.insert(contentsOf: bytes[a..<b], at: rng.below(bytes.count + 1))
        case 4: // splice the head of one file onto the tail of another
            let cut = rng.below(bytes.count + 1), cut2 = rng.below(other.count + 1)
            bytes = Array(bytes[..<cut]) + Array(other[cut2...])
        case 5: // delete a slice
            guard !bytes.isEmpty else { break }
            let a = rng.below(bytes.count), b = min(bytes.count, a + rng.below(20) + 1)
            bytes.removeSubrange(a..<b)
        default: // a nesting bomb around the file, sometimes unbalanced
            let (open, close) = rng.pick(nesters)
            let depth = rng.pick([64, 600, 3000])
            let closes = rng.chance(80) ? depth : rng.below(depth)
            bytes = Array(String(repeating: open, count: depth).utf8) + bytes
                + Array(String(repeating: close, count: closes).utf8)
        }
        return bytes
    }

    /// `depth` copies of a construct around a leaf: the deep-nesting stress inputs.
    static func nested(_ open: String, _ leaf: String, _ close: String, depth: Int) -> String {
        String(repeating: open, count: depth) + leaf + String(repeating: close, count: depth)
    }

    /// `count` copies of `item` joined by `separator`: long flat chains (deep trees after parsing).
    static func chain(_ item: String, _ separator: String, count: Int) -> String {
        Array(repeating: item, count: count).joined(separator: separator)
    }
}
