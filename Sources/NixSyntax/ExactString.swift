// Text as Nix compares it: byte for byte. Swift's `String` equality and
// hashing follow Unicode canonical equivalence, so "é" written as one scalar
// and "e" followed by a combining acute are the same `String` key, while Nix
// holds them to be two different names, regexes, files and TOML keys. Every
// dictionary or set keyed by user-supplied text uses `ExactString` instead,
// and every comparison `nixEquals`/`nixLess`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct ExactString: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactString, b: ExactString) -> Bool { a.text.nixEquals(b.text) }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { text }
}

extension String {
    /// Byte-wise equality (not Unicode canonical equivalence).
    public func nixEquals(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                guard pa.count == pb.count else { return false }
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }
                return memcmp(x, y, pa.count) == 0
            }
        }
    }

    /// Byte-wise ordering, as Nix orders strings and attribute names.
    public func nixLess(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = Swift.min(pa.count, pb.count)
                if n > 0, let x = pa.baseAddress, let y = pb.baseAddress {
                    let c = memcmp(x, y, n)
                    if c != 0 { return c < 0 }
                }
                return pa.count < pb.count
            }
        }
    }
}
