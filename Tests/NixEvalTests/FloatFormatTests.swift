// FloatFormat against the C library it stands in for: the `%g` and `%f`
// texts must be the ones `vsnprintf` writes, byte for byte, for edge values
// (zeros, ties, powers of ten and their neighbours, extremes, infinities)
// and for a deterministic spread of random bit patterns and short decimals.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixEval
import Testing

@Suite struct FloatFormatTests {
    static func cText(_ spec: String, _ d: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([d]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
        }
        return String(decoding: buffer[0..<max(0, Int(n))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func samples() -> [Double] {
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 0.5, 2.5, 1e-5, 1e-4, 0.0001234565, 123456, 123456.5,
                                123457.5, 1234565, 999999.5, 9999995, 1e15, 1e21, 1e22, 1e23, 1e100, 1e-100,
                                5e-324, .leastNormalMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity,
                                .nan, 9007199254.5, 9007199253.5, 0.0000005, 0.0000015, 0.0000025, 1.0 / 3]
        var power = 1.0
        for _ in 0..<60 {
            for p in [power, 1 / power] {
                values += [p, p.nextUp, p.nextDown, p * 5, p * 9.999995, p * 1.234565, -p * 0.5]
            }
            power *= 10
        }
        var rng = SeededRandom(seed: 0xF10A7)
        for _ in 0..<20_000 { values.append(Double(bitPattern: rng.next())) }
        for _ in 0..<20_000 {
            var d = Double(Int.random(in: -10_000_000...10_000_000, using: &rng))
            for _ in 0..<Int.random(in: 0...12, using: &rng) { d /= 10 }
            values.append(d)
        }
        for _ in 0..<20_000 {
            let m = Double(Int.random(in: -100_000_000...100_000_000, using: &rng))
            values.append(m * Double(sign: .plus, exponent: -Int.random(in: 0...30, using: &rng), significand: 1))
        }
        return values
    }

    /// Every sample whose text from `ours` differs from the C library's `format`.
    static func mismatches(_ ours: (Double) -> String, _ format: String) -> [String] {
        Self.samples().compactMap { d in
            let mine = ours(d), theirs = Self.cText(format, d)
            return mine == theirs ? nil : "\(d.bitPattern): \(mine) vs \(theirs)"
        }
    }

    @Test("%g text is the C library's for edge values, random bit patterns and short decimals")
    func shortestMatchesC() {
        let mismatches = Self.mismatches(FloatFormat.shortest6, "%g")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("%f text is the C library's for edge values, random bit patterns and short decimals")
    func fixedMatchesC() {
        let mismatches = Self.mismatches(FloatFormat.fixed6, "%f")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
