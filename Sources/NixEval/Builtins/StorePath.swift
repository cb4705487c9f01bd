// Store path arithmetic shared by toFile, path, filterSource and derivations:
// nix-base32, hash compression, and the way Nix turns a content hash into
// `<storeDir>/<hash>-<name>`, so that with the same store directory Roost
// computes exactly the paths Nix computes.
// It deliberately does not touch the disk: writing into the store is in
// StorePath+Write.swift, archives (NAR) in StorePath+Archive.swift, hash
// parsing in StorePath+Hash.swift, .drv files in StorePath+Derivation.swift.

import Crypto
import Foundation
import NixSyntax

/// Nix's base-32 encoding of hashes (its own alphabet, least significant bits first).
public enum NixBase32 {
    static var alphabet: [UInt8] { Array("0123456789abcdfghijklmnpqrsvwxyz".utf8) }

    /// The length of the encoding of `byteCount` bytes.
    public static func encodedLength(_ byteCount: Int) -> Int {
        byteCount == 0 ? 0 : (byteCount * 8 - 1) / 5 + 1
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        let length = encodedLength(bytes.count)
        var out: [UInt8] = []
        out.reserveCapacity(length)
        let alphabet = Self.alphabet
        var n = length - 1
        while n >= 0 {
            let bit = n * 5
            let i = bit / 8, j = bit % 8
            var c = Int(bytes[i]) >> j
            if i + 1 < bytes.count { c |= Int(bytes[i + 1]) << (8 - j) }
            out.append(alphabet[c & 0x1f])
            n -= 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an encoding of exactly `byteCount` bytes; nil if it is not one.
    public static func decode(_ text: String, byteCount: Int) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count == encodedLength(byteCount) else { return nil }
        var bytes = [UInt8](repeating: 0, count: byteCount)
        let alphabet = Self.alphabet
        for (k, ch) in chars.reversed().enumerated() {
            guard let digit = alphabet.firstIndex(of: ch) else { return nil }
            let bit = k * 5
            let i = bit / 8, j = bit % 8
            bytes[i] |= UInt8(truncatingIfNeeded: digit << j)
            let carry = digit >> (8 - j)
            if i + 1 < byteCount {
                bytes[i + 1] |= UInt8(truncatingIfNeeded: carry)
            } else if carry != 0 {
                return nil
            }
        }
        return bytes
    }
}

/// Hex helpers for digests.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = value(chars[i]), let lo = value(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

func sha256Bytes<D: DataProtocol>(_ data: D) -> [UInt8] {
    Array(SHA256.hash(data: data))
}

func sha256Hex(_ text: String) -> String {
    Hex.encode(sha256Bytes(Array(text.utf8)))
}

/// How a store path is derived from content, following Nix's scheme.
public struct StorePaths: Sendable {
    /// The store directory, without a trailing slash (`/var/lib/roost/store`).
    public let storeDir: String

    public init(storeDir: String) {
        var dir = storeDir
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        self.storeDir = dir
    }

    /// XOR-folds a digest to `size` bytes, as Nix shortens hashes for paths.
    public static func compress(_ hash: [UInt8], to size: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        for (i, b) in hash.enumerated() { out[i % size] ^= b }
        return out
    }

    /// Why `name` cannot be a store path name, in Nix's words; nil if it can.
    public static func nameProblem(_ name: String, hashPart: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "store path '\(hashPart)-' has an empty name" }
        if bytes.count > 211 {
            return "store path '\(hashPart)-\(name)' has a name longer than 211 characters"
        }
        // Nix names the first bad byte (one byte of a multi-byte character);
        // `name` may be the exact rendering of bytes that are not UTF-8.
        for byte in ExactRendering.bytes(of: name) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "="):
                continue
            default:
                return "store path '\(hashPart)-\(name)' contains illegal character '\(ExactRendering.text(of: [byte]))'"
            }
        }
        return nil
    }

    /// `<storeDir>/<base32 of compressed sha256("<type>:sha256:<hex>:<storeDir>:<name>")>-<name>`.
    public func makeStorePath(type: String, sha256Hex hex: String, name: String) -> String {
        let fingerprint = "\(type):sha256:\(hex):\(storeDir):\(name)"
        let digest = StorePaths.compress(sha256Bytes(Array(fingerprint.utf8)), to: 20)
        return "\(storeDir)/\(NixBase32.encode(digest))-\(name)"
    }

    /// Checks the name the way Nix does before a path with it is made.
    public func validate(name: String, type: String, sha256Hex hex: String) throws(StorePathError) {
        let fingerprint = "\(type):sha256:\(hex):\(storeDir):\(name)"
        let hashPart = NixBase32.encode(StorePaths.compress(sha256Bytes(Array(fingerprint.utf8)), to: 20))
        if let problem = StorePaths.nameProblem(name, hashPart: hashPart) { throw StorePathError(problem) }
    }

    static func typeWithReferences(_ type: String, _ references: [String]) -> String {
        var t = type
        for r in references.sorted(by: { $0.nixLess($1) }) { t += ":" + r }
        return t
    }

    /// The path of a text file added with references (toFile, .drv files).
    public func textPath(name: String, contents: [UInt8], references: [String]) throws(StorePathError) -> String {
        let type = StorePaths.typeWithReferences("text", references)
        let hex = Hex.encode(sha256Bytes(contents))
        try validate(name: name, type: type, sha256Hex: hex)
        return makeStorePath(type: type, sha256Hex: hex, name: name)
    }

    /// The path of a tree added by content (NAR sha256), as `path` and `filterSource` make it.
    public func sourcePath(name: String, narSHA256 hash: [UInt8], references: [String] = []) throws(StorePathError) -> String {
        let type = StorePaths.typeWithReferences("source", references)
        let hex = Hex.encode(hash)
        try validate(name: name, type: type, sha256Hex: hex)
        return makeStorePath(type: type, sha256Hex: hex, name: name)
    }

    /// The path of a fixed-output derivation's output (or any content-addressed path).
    public func fixedOutputPath(recursive: Bool, hash: ContentHash, name: String) throws(StorePathError) -> String {
        if recursive && hash.algorithm == .sha256 {
            return try sourcePath(name: name, narSHA256: hash.bytes)
        }
        let inner = "fixed:out:\(recursive ? "r:" : "")\(hash.algorithm.rawValue):\(Hex.encode(hash.bytes)):"
        let hex = sha256Hex(inner)
        try validate(name: name, type: "output:out", sha256Hex: hex)
        return makeStorePath(type: "output:out", sha256Hex: hex, name: name)
    }

    /// An input-addressed derivation output's path.
    public func outputPath(output: String, sha256Hex hex: String, derivationName: String) throws(StorePathError) -> String {
        let name = output == "out" ? derivationName : "\(derivationName)-\(output)"
        let type = "output:\(output)"
        try validate(name: name, type: type, sha256Hex: hex)
        return makeStorePath(type: type, sha256Hex: hex, name: name)
    }

    /// `<storeDir>/<hash>-<name>` for any path inside it; nil if outside.
    public func storePathPrefix(of path: String) -> String? {
        let base = Array((storeDir == "/" ? "/" : storeDir + "/").utf8)
        let bytes = Array(path.utf8)
        // Byte-wise: Swift's hasPrefix would compare canonically equivalent text as equal.
        guard bytes.starts(with: base) else { return nil }
        let entry = bytes[base.count...].prefix { $0 != UInt8(ascii: "/") }
        // A store entry is a 32-character hash part, a dash, and a name.
        guard entry.count > 33, entry.dropFirst(32).first == UInt8(ascii: "-") else { return nil }
        return String(decoding: base + entry, as: UTF8.self)
    }
}

/// A store path could not be made (an invalid name, most often).
public struct StorePathError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
