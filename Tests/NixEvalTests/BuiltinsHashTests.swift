// hashString and hashFile against digests printed by nix-instantiate 2.8.

import Testing
import NixSyntax
@testable import NixEval
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BuiltinsHashTests {
    typealias H = StringBuiltinsHarness

    @Test("hashString gives Nix's base16 digests for every algorithm")
    func hashString() {
        let cases: [(String, String, String)] = [
            ("md5", "", "d41d8cd98f00b204e9800998ecf8427e"),
            ("md5", "abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("md5", "héllo wörld\n", "e51a0dabd365a5b1533d3f4b0e097fb3"),
            ("sha1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("sha1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("sha1", "héllo wörld\n", "8159b29a5680ceeb0fec81b9a5dad3fce9bf0245"),
            ("sha256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("sha256", "héllo wörld\n", "3828eeee974aa7486e7acc258e5c73a0115e168444d6688deb8d5d1306d1f57d"),
            ("sha512", "", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
            ("sha512", "abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
            ("sha512", "héllo wörld\n", "ceee16d2d3d0a2620bdd383b339ea83815d4e95d9120dee726d63ac597b721aaa3bdb215b0851eeea4d6a212587fd25cf4ebd78b945a23bca3e71cec7eaa96b6"),
        ]
        for (algo, input, digest) in cases {
            #expect(H.eval("hashString", .string(algo), .string(input)) == "\"\(digest)\"", "\(algo) of \(input)")
        }
    }

    @Test("hashString rejects unknown algorithms (case matters) and non-strings")
    func hashStringErrors() {
        #expect(H.eval("hashString", .string("md6"), .string("a")) == "error: unknown hash algorithm 'md6'")
        #expect(H.eval("hashString", .string("SHA256"), .string("a")) == "error: unknown hash algorithm 'SHA256'")
        #expect(H.eval("hashString", .string("sha256"), .int(1)) == "error: value is an integer while a string was expected")
        #expect(H.eval("hashString", .int(1), .string("a")) == "error: value is an integer while a string was expected")
    }

    @Test("hashFile hashes a file's bytes, and reports missing files, directories and relative paths as Nix does")
    func hashFile() throws {
        let path = "/tmp/roost-hashfile-test-\(getpid()).bin"
        var data: [UInt8] = []
        for _ in 0..<1000 { data.append(contentsOf: (0...255).map { UInt8($0) }) }
        let f = fopen(path, "wb")
        try #require(f != nil)
        _ = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        defer { unlink(path) }
        #expect(H.eval("hashFile", .string("md5"), .path(path)) == "\"1da708a75e25110b1341d16814feb52d\"")
        #expect(H.eval("hashFile", .string("sha1"), .string(path)) == "\"4db96121b29822369e89d5e17ff2582fc47e10a2\"")
        #expect(H.eval("hashFile", .string("sha256"), .path(path)) == "\"b57b64b198d5d59ce5a22a9b9f25e72a7d081476d432051aa923f3dbebb90934\"")
        #expect(H.eval("hashFile", .string("sha512"), .path(path)) == "\"225ad35194eb4473f6a954a42e50d3ae437d234d1895a396de833e59487a92c56d485f672f5ff88d4dad732366751b5663ed6618c909c5f4179e92673a6329c4\"")
        #expect(H.eval("hashFile", .string("sha1"), .path("/tmp/roost-no-such-file")) == "error: opening file '/tmp/roost-no-such-file': No such file or directory")
        #expect(H.eval("hashFile", .string("sha1"), .path("/tmp")) == "error: reading from file: Is a directory")
        #expect(H.eval("hashFile", .string("sha1"), .string("rel")) == "error: string 'rel' doesn't represent an absolute path")
        #expect(H.eval("hashFile", .string("md6"), .path("/tmp/roost-no-such-file")) == "error: unknown hash algorithm 'md6'")
    }
}
