// Builtins: hashString and hashFile, in base16 (lowercase hex), for the
// algorithms Nix knows: md5, sha1, sha256, sha512. Other encodings (base32,
// SRI) belong to other builtins and are not produced here.

import Crypto
import NixSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Builtins {
    static var hashing: [PrimOp] { [
        PrimOp("hashString", arity: 2,
               doc: "`hashString algo s`: the base16 hash of `s` with md5, sha1, sha256 or sha512.") { ev, args, span in
            let algorithm = try HashAlgorithm.parse(try ev.contextFreeStringArgument(args[0], at: span), at: span)
            let s = try ev.forceString(args[1], at: span)
            return .string(algorithm.hex(of: s.bytes))
        },

        PrimOp("hashFile", arity: 2,
               doc: "`hashFile algo path`: the base16 hash of the file's contents with md5, sha1, sha256 or sha512.") { ev, args, span in
            let algorithm = try HashAlgorithm.parse(try ev.contextFreeStringArgument(args[0], at: span), at: span)
            let path = try ev.absolutePathArgument(args[1], at: span)
            return .string(algorithm.hex(of: try readWholeFile(path, at: span)))
        },
    ] }

    /// The bytes of a file, with Nix's messages when it cannot be read.
    static func readWholeFile(_ path: String, at span: Span) throws -> [UInt8] {
        let fd = Files.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 {
            throw EvalError("opening file '\(path)': \(String(cString: strerror(errno)))", at: span)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw EvalError("reading from file: \(String(cString: strerror(errno)))", at: span)
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }
}

extension Evaluator {
    /// A path argument (a path, or a string holding an absolute path), as the
    /// file builtins take one; strings that are not absolute are refused.
    func absolutePathArgument(_ value: Value, at span: Span) throws -> String {
        let s = try coerceArgument(value, at: span, copyToStore: false).string
        guard s.utf8.first == UInt8(ascii: "/") else {
            throw EvalError("string '\(s)' doesn't represent an absolute path", at: span)
        }
        return s
    }
}

enum HashAlgorithm {
    case md5, sha1, sha256, sha512

    static func parse(_ name: String, at span: Span) throws -> HashAlgorithm {
        switch name {
        case "md5": return .md5
        case "sha1": return .sha1
        case "sha256": return .sha256
        case "sha512": return .sha512
        // Nix reports this one as a usage error, without a position.
        default: throw EvalError("unknown hash algorithm '\(name)'", at: .none)
        }
    }

    func digest(of bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .md5: return Array(Insecure.MD5.hash(data: bytes))
        case .sha1: return Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha512: return Array(SHA512.hash(data: bytes))
        }
    }

    func hex(of bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest(of: bytes) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
