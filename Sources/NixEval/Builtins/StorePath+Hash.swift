// Content hashes as Nix writes them in derivations and `path` arguments:
// an algorithm and a digest, parsed from base-16, nix-base32, base-64 or SRI
// text, with Nix's error messages. It does not compute archive hashes (see
// StorePath+Archive.swift).

import Crypto

public struct ContentHash: Sendable, Equatable {
    public enum Algorithm: String, Sendable, CaseIterable {
        case md5, sha1, sha256, sha512

        public var byteCount: Int {
            switch self {
            case .md5: return 16
            case .sha1: return 20
            case .sha256: return 32
            case .sha512: return 64
            }
        }

        public init?(name: String) {
            guard let a = Algorithm(rawValue: name) else { return nil }
            self = a
        }

        public func digest(_ bytes: [UInt8]) -> [UInt8] {
            switch self {
            case .md5: return Array(Insecure.MD5.hash(data: bytes))
            case .sha1: return Array(Insecure.SHA1.hash(data: bytes))
            case .sha256: return Array(SHA256.hash(data: bytes))
            case .sha512: return Array(SHA512.hash(data: bytes))
            }
        }
    }

    public let algorithm: Algorithm
    public let bytes: [UInt8]

    public init(algorithm: Algorithm, bytes: [UInt8]) {
        self.algorithm = algorithm
        self.bytes = bytes
    }

    public var hex: String { Hex.encode(bytes) }
    public var base32: String { NixBase32.encode(bytes) }

    /// Parses a hash the way Nix parses `outputHash` and `sha256` arguments:
    /// an optional `algo:` prefix or SRI `algo-` form, then base-16,
    /// nix-base32 or base-64 by length. `expected` is the algorithm known from context.
    public static func parse(_ text: String, expected: Algorithm?) throws(StorePathError) -> ContentHash {
        var rest = Substring(text)
        var parsed: Algorithm? = nil
        var isSRI = false
        let separator = rest.firstIndex(of: ":") ?? rest.firstIndex(of: "-")
        if let separator {
            isSRI = rest[separator] == "-"
            let name = String(rest[..<separator])
            guard let a = Algorithm(name: name) else { throw StorePathError("unknown hash algorithm '\(name)'") }
            parsed = a
            rest = rest[rest.index(after: separator)...]
        }
        let digits = String(rest)
        if let a = parsed, let e = expected, a != e {
            throw StorePathError("hash '\(text)' should have type '\(e.rawValue)'")
        }
        guard let algo = parsed ?? expected else {
            throw StorePathError("hash '\(digits)' does not include a type, nor is the type otherwise known from context")
        }
        let size = algo.byteCount
        let n = digits.utf8.count
        if !isSRI && n == size * 2 {
            guard let bytes = Hex.decode(digits) else { throw StorePathError("invalid base-16 hash '\(digits)'") }
            return ContentHash(algorithm: algo, bytes: bytes)
        }
        if !isSRI && n == NixBase32.encodedLength(size) {
            guard let bytes = NixBase32.decode(digits, byteCount: size) else {
                throw StorePathError("invalid base-32 hash '\(digits)'")
            }
            return ContentHash(algorithm: algo, bytes: bytes)
        }
        if isSRI || n == (size + 2) / 3 * 4 {
            let bytes = try base64Decode(digits)
            guard bytes.count == size else { throw StorePathError("invalid \(isSRI ? "SRI" : "base-64") hash '\(digits)'") }
            return ContentHash(algorithm: algo, bytes: bytes)
        }
        throw StorePathError("hash '\(digits)' has wrong length for hash type '\(algo.rawValue)'")
    }

    /// Nix's lenient base-64 reader: stops at '=', skips newlines, needs no padding.
    static func base64Decode(_ text: String) throws(StorePathError) -> [UInt8] {
        var out: [UInt8] = []
        var d: UInt32 = 0, bits = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { break }
            if c == UInt8(ascii: "\n") { continue }
            let digit: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = c - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = c - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): digit = 62
            case UInt8(ascii: "/"): digit = 63
            // Nix's message prints the character as empty quotes; keep its wording.
            default: throw StorePathError("invalid character in Base64 string: ''")
            }
            bits += 6
            d = (d << 6 | UInt32(digit)) & 0xffff
            if bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: d >> UInt32(bits - 8)))
                bits -= 8
            }
        }
        return out
    }
}
