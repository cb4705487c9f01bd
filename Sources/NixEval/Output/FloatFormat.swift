// Floats as Nix writes them: printed values use C's `%g` (6 significant
// digits: 1e+20, 0.1, 123457), `toString` uses `%f` (1.500000). Formatting
// goes through the C library so the digits match Nix's byte for byte.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum FloatFormat {
    /// `%g`, as nix-instantiate prints a float.
    public static func shortest6(_ d: Double) -> String { format("%g", d) }

    /// `%f`, as `toString` and string coercion render a float.
    public static func fixed6(_ d: Double) -> String { format("%f", d) }

    private static func format(_ spec: String, _ d: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([d]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
        }
        guard n > 0 else { return "" }
        let count = min(Int(n), buffer.count - 1)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
