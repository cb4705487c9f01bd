// Content hashes as Nix writes them in derivations and `path` arguments:
// an algorithm and a digest, parsed from base-16, nix-base32, base-64 or SRI
// text, with Nix's error messages. It does not compute archive hashes (see
// StorePath+Archive.swift).

import Crypto
import Foundation

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
        var algorithm: Algorithm? = nil
        var isSRI = false
        if let colon = rest.firstIndex(of: ":") {
            let name = String(rest[..<colon])
            guard let a = Algorithm(name: name) else {
                throw StorePathError("unknown hash algorithm '\(name)'")
            }
            algorithm = a
            rest = rest[rest.index(after: colon)...]
        } else if let dash = rest.firstIndex(of: "-"), let a = Algorithm(name: String(rest[..<dash])) {
            algorithm = a
            isSRI = true
            rest = rest[rest.index(after: dash)...]
        }
        if let a = algorithm, let e = expected, a != e {
            throw StorePathError("hash '\(text)' should have type '\(e.rawValue)'")
        }
        guard let algo = algorithm ?? expected else {
            throw StorePathError("hash '\(text)' does not include a type, nor is the type otherwise known from context")
        }
        let digits = String(rest)
        let size = algo.byteCount
        let n = digits.utf8.count
        if !isSRI && n == size * 2 {
            guard let bytes = Hex.decode(digits) else {
                throw StorePathError("invalid base-16 hash '\(text)'")
            }
            return ContentHash(algorithm: algo, bytes: bytes)
        }
        if !isSRI && n == NixBase32.encodedLength(size) {
            guard let bytes = NixBase32.decode(digits, byteCount: size) else {
                throw StorePathError("invalid base-32 hash '\(text)'")
            }
            return ContentHash(algorithm: algo, bytes: bytes)
        }
        if isSRI || n == (size + 2) / 3 * 4 {
            guard let data = Data(base64Encoded: digits), data.count == size else {
                throw StorePathError(isSRI ? "invalid SRI hash '\(text)'" : "invalid base-64 hash '\(text)'")
            }
            return ContentHash(algorithm: algo, bytes: Array(data))
        }
        throw StorePathError("hash '\(text)' has wrong length for hash type '\(algo.rawValue)'")
    }
}
