// The command line as the kernel handed it over, byte for byte. Swift's
// `CommandLine.arguments` (and so the argument parser) repairs an argument
// that is not UTF-8 with U+FFFD; a Nix expression or `--argstr` value may be
// such bytes (a Latin-1 string), and nix-instantiate keeps them. This finds
// the exact bytes behind a parsed value. It does not parse anything itself.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum RawArguments {
    /// This process's arguments, unrepaired.
    static var process: [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { i -> [UInt8] in
            guard let p = CommandLine.unsafeArgv[i] else { return [] }
            return UnsafeRawBufferPointer(start: p, count: strlen(p)).map { $0 }
        }
    }

    /// The exact bytes behind `value` when the argument it came from was not
    /// UTF-8 (so `value` is its repair); nil when `value` is exact. `--opt=VALUE`
    /// spellings are matched by the part after `=`.
    static func exactBytes(of value: String, in raw: [[UInt8]]) -> [UInt8]? {
        guard value.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for argument in raw where String(validating: argument, as: UTF8.self) == nil {
            if String(decoding: argument, as: UTF8.self) == value { return argument }
            if argument.first == UInt8(ascii: "-"), let eq = argument.firstIndex(of: UInt8(ascii: "=")) {
                let tail = Array(argument[(eq + 1)...])
                if String(decoding: tail, as: UTF8.self) == value { return tail }
            }
        }
        return nil
    }
}
