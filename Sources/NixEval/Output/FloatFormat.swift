// Floats as Nix writes them: printed values use C's `%g` (6 significant
// digits: 1e+20, 0.1, 123457), `toString` uses `%f` (1.500000). The digits
// must match the C library's byte for byte, so the common cases are computed
// here exactly (scaling in double-double arithmetic, whose error is far below
// the rounding margin we demand) and everything this cannot decide for
// certain — values within a hair of a rounding tie, huge or tiny exponents,
// infinities and NaN — is handed to `vsnprintf` itself. It does not implement
// any other printf conversion.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum FloatFormat {
    /// `%g`, as nix-instantiate prints a float.
    public static func shortest6(_ d: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buf in
            guard let p = buf.baseAddress else { return "" }
            return String(decoding: UnsafeBufferPointer(start: p, count: writeG(d, p)), as: UTF8.self)
        }
    }

    /// `%f`, as `toString` and string coercion render a float.
    public static func fixed6(_ d: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buf in
            guard let p = buf.baseAddress else { return "" }
            return String(decoding: UnsafeBufferPointer(start: p, count: writeF(d, p)), as: UTF8.self)
        }
    }

    /// Appends the `%g` text of `d` to `out` (no temporary string).
    static func appendShortest6(_ d: Double, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bufferSize) { buf in
            guard let p = buf.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: writeG(d, p)))
        }
    }

    /// Room for any `%g` or `%f` text the fast paths write, and for the C
    /// library's (`%f` of 1e308 has 309 integer digits).
    static let bufferSize = 400

    /// Writes `%g` into `p` (at least `bufferSize` bytes); returns the length.
    static func writeG(_ d: Double, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        if let n = fastG(d, p) { return n }
        return cFormat(gSpec, d, p)
    }

    /// Writes `%f` into `p` (at least `bufferSize` bytes); returns the length.
    static func writeF(_ d: Double, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        if let n = fastF(d, p) { return n }
        return cFormat(fSpec, d, p)
    }

    // Computed, not stored: a stored array would be one object shared by every
    // evaluator's thread, which NixEval's non-atomic counting forbids.
    private static var gSpec: [CChar] { [0x25, 0x67, 0] }  // "%g"
    private static var fSpec: [CChar] { [0x25, 0x66, 0] }  // "%f"

    /// The C library's answer, for the cases the fast paths leave open.
    private static func cFormat(_ spec: [CChar], _ d: Double, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        let n = p.withMemoryRebound(to: CChar.self, capacity: bufferSize) { c in
            withVaList([d]) { args in
                spec.withUnsafeBufferPointer { vsnprintf(c, bufferSize, $0.baseAddress, args) }
            }
        }
        return n > 0 ? min(Int(n), bufferSize - 1) : 0
    }

    // MARK: %g

    /// `%g` with 6 significant digits, or nil when the answer is not certain.
    static func fastG(_ d: Double, _ p: UnsafeMutablePointer<UInt8>) -> Int? {
        guard d.isFinite else { return nil }
        var n = 0
        if d.sign == .minus { p[0] = UInt8(ascii: "-"); n = 1 }
        let x = d.magnitude
        if x == 0 { p[n] = UInt8(ascii: "0"); return n + 1 }

        // Find k with 10^k <= x < 10^(k+1), so that x * 10^(5-k) has six integer digits.
        var k = Int((Double(Int(x.exponent)) * 0.30102999566398120).rounded(.down))
        var scaled = (hi: 0.0, lo: 0.0)
        var settled = false
        for _ in 0..<4 {
            guard let s = scaledByPowerOfTen(x, 5 - k) else { return nil }
            if s.hi < 100_000 { k -= 1; continue }
            if s.hi >= 1_000_000 { k += 1; continue }
            scaled = s
            settled = true
            break
        }
        guard settled else { return nil }
        guard var digits = roundToInteger(scaled, margin: 1e-7) else { return nil }
        var exponent = k
        if digits == 1_000_000 { digits = 100_000; exponent += 1 }

        // The six digits, most significant first.
        var ds: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &ds) { b in
            var v = digits
            for i in stride(from: 5, through: 0, by: -1) {
                b[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            }
        }
        return withUnsafeBytes(of: &ds) { dig -> Int in
            // Trailing zeros are dropped, as %g does.
            var last = 5
            while last > 0 && dig[last] == 0x30 { last -= 1 }
            if exponent < -4 || exponent >= 6 {
                p[n] = dig[0]; n += 1
                if last > 0 {
                    p[n] = UInt8(ascii: "."); n += 1
                    for i in 1...last { p[n] = dig[i]; n += 1 }
                }
                p[n] = UInt8(ascii: "e"); n += 1
                p[n] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"); n += 1
                let e = exponent.magnitude
                if e >= 100 { p[n] = UInt8(truncatingIfNeeded: e / 100) &+ 0x30; n += 1 }
                p[n] = UInt8(truncatingIfNeeded: e / 10 % 10) &+ 0x30; n += 1
                p[n] = UInt8(truncatingIfNeeded: e % 10) &+ 0x30; n += 1
            } else if exponent >= 0 {
                for i in 0...exponent { p[n] = dig[i]; n += 1 }
                if last > exponent {
                    p[n] = UInt8(ascii: "."); n += 1
                    for i in (exponent + 1)...last { p[n] = dig[i]; n += 1 }
                }
            } else {
                p[n] = UInt8(ascii: "0"); n += 1
                p[n] = UInt8(ascii: "."); n += 1
                for _ in 0..<(-exponent - 1) { p[n] = UInt8(ascii: "0"); n += 1 }
                for i in 0...last { p[n] = dig[i]; n += 1 }
            }
            return n
        }
    }

    // MARK: %f

    /// `%f` (6 decimals) for magnitudes below 2^53 / 10^6, where x * 10^6 is
    /// an exact double-double; nil for larger values and exact ties.
    static func fastF(_ d: Double, _ p: UnsafeMutablePointer<UInt8>) -> Int? {
        guard d.isFinite else { return nil }
        let x = d.magnitude
        guard x < 9_007_199_254.0 else { return nil }
        let hi = x * 1e6
        let lo = fmaResidual(x, 1e6, hi)
        guard let scaled = roundToInteger((hi, lo), margin: 0) else { return nil }
        var n = 0
        if d.sign == .minus { p[0] = UInt8(ascii: "-"); n = 1 }
        n += writeDecimal(scaled / 1_000_000, p + n)
        p[n] = UInt8(ascii: "."); n += 1
        var frac = scaled % 1_000_000
        for i in stride(from: 5, through: 0, by: -1) {
            p[n + i] = UInt8(truncatingIfNeeded: frac % 10) &+ 0x30
            frac /= 10
        }
        return n + 6
    }

    // MARK: Arithmetic

    /// a * b - hi exactly, where hi is the rounded product (fused multiply-add).
    @inline(__always)
    private static func fmaResidual(_ a: Double, _ b: Double, _ hi: Double) -> Double {
        (-hi).addingProduct(a, b)
    }

    /// 10^m for 0 <= m <= 22 (all exact doubles). Computed each time rather
    /// than kept in a shared table (see gSpec): at most 22 exact products.
    @inline(__always)
    private static func exactPower(_ m: Int) -> Double {
        var v = 1.0
        for _ in 0..<m { v *= 10 }
        return v
    }

    /// 10^m as an exact double-double (hi + lo), for 0 <= m <= 44.
    private static func powerOfTen(_ m: Int) -> (hi: Double, lo: Double) {
        if m <= 22 { return (exactPower(m), 0) }
        let a = exactPower(22), b = exactPower(m - 22)
        let hi = a * b
        return (hi, fmaResidual(a, b, hi))
    }

    /// x * 10^m as a normalised double-double with relative error near
    /// 2^-100, or nil when |m| is beyond the exact powers.
    private static func scaledByPowerOfTen(_ x: Double, _ m: Int) -> (hi: Double, lo: Double)? {
        guard m >= -44 && m <= 44 else { return nil }
        let hi: Double, lo: Double
        if m >= 0 {
            let pw = powerOfTen(m)
            hi = x * pw.hi
            lo = fmaResidual(x, pw.hi, hi) + x * pw.lo
        } else {
            let pw = powerOfTen(-m)
            hi = x / pw.hi
            // The remainder of a correctly rounded quotient is exact with fma.
            let r = x.addingProduct(-hi, pw.hi) - hi * pw.lo
            lo = r / pw.hi
        }
        let s = hi + lo
        return (s, lo - (s - hi))
    }

    /// The nearest integer to hi + lo, or nil when the fraction lies within
    /// `margin` of one half (with margin 0: exactly one half).
    private static func roundToInteger(_ v: (hi: Double, lo: Double), margin: Double) -> Int? {
        var whole = v.hi.rounded(.down)
        var frac = (v.hi - whole) + v.lo
        if frac < 0 { whole -= 1; frac += 1 }
        if frac >= 1 { whole += 1; frac -= 1 }
        if (frac - 0.5).magnitude <= margin { return nil }
        if frac > 0.5 { whole += 1 }
        guard whole >= 0 && whole < 9.2e18 else { return nil }
        return Int(whole)
    }

    /// The decimal digits of a non-negative integer; returns their count.
    static func writeDecimal(_ value: Int, _ p: UnsafeMutablePointer<UInt8>) -> Int {
        var v = value.magnitude
        var count = 0
        var probe = v
        repeat { count += 1; probe /= 10 } while probe > 0
        var i = count
        repeat {
            i -= 1
            p[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
            v /= 10
        } while i > 0
        return count
    }
}
