// Text as Nix compares it: byte for byte. Swift's `String` equality and
// hashing follow Unicode canonical equivalence, so "é" written as one scalar
// and "e" followed by a combining acute are the same `String` key, while Nix
// holds them to be two different names, regexes, files and TOML keys. Every
// dictionary or set keyed by user-supplied text uses this key instead.

public struct ExactString: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: ExactString, b: ExactString) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { text }
}
