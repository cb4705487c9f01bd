// A Nix string: its bytes and its context (the store paths it refers to).
// Nix strings are byte strings: compare and measure them through their bytes
// (`nixEquals`, `nixLess`, `byteCount`), never with Swift's Unicode-aware
// `==`/`<`, which would treat canonically equivalent strings as equal.
// Almost every string is valid UTF-8 and is held as a Swift `String`; the
// few that are not (a character cut by `substring`, a file of Latin-1 text)
// also carry their exact bytes, which every consumer that sees bytes uses.
//
// A NixString is a pointer to its parts in the arena (Arena.swift), so that a
// `Value` stays 16 bytes and copies without counting references: every list
// element, attribute and environment slot is a Value, and their size is most
// of the evaluator's memory traffic. The parts are never changed in place:
// setting `context` makes new parts, so a NixString behaves exactly like a
// plain struct of its fields.

import NixSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct NixString {
    @usableFromInline struct Parts {
        @usableFromInline let string: String
        @usableFromInline let context: StringContext
        /// Bytes that are not UTF-8 (nil for text, almost every string):
        /// `string` is then only a rendering, for messages (ExactRendering:
        /// the error renderer writes the exact bytes).
        @usableFromInline let raw: [UInt8]?
    }

    /// The parts, in the arena; never written after they are made.
    @usableFromInline let parts: UnsafePointer<Parts>

    @usableFromInline init(_ string: String, _ context: StringContext, raw: [UInt8]?) {
        Arena.charge(string.utf8.count &+ (raw?.count ?? 0))
        let cell = Arena.allocate(Parts.self, .string)
        cell.initialize(to: Parts(string: string, context: context, raw: raw))
        parts = UnsafePointer(cell)
    }

    /// The exact bytes when they are not UTF-8; nil for text.
    @inlinable var raw: [UInt8]? { parts.pointee.raw }

    /// A string of valid text.
    public init(_ string: String, context: StringContext = .empty) {
        self.init(string, context, raw: nil)
    }

    /// The string that `text` renders (see ExactRendering): a path's text, or
    /// text read back from a message, whose bytes need not be UTF-8.
    public init(exactRendering text: String, context: StringContext = .empty) {
        if text.utf8.contains(0xB7) {
            self.init(bytes: ExactRendering.bytes(of: text), context: context)
        } else {
            self.init(text, context: context)
        }
    }

    /// A string of any bytes: valid UTF-8 becomes plain text, anything else
    /// keeps its bytes exactly.
    public init(bytes: some Collection<UInt8>, context: StringContext = .empty) {
        if let text = String(validating: bytes, as: UTF8.self) {
            self.init(text, context, raw: nil)
        } else {
            let raw = Array(bytes)
            self.init(ExactRendering.text(of: raw), context, raw: raw)
        }
    }

    /// The text. For a string that is not valid UTF-8 this is a rendering
    /// (see ExactRendering) that only error messages turn back into the
    /// bytes: use `bytes`/`withBytes` wherever the content matters.
    public var string: String {
        @inlinable unsafeAddress { parts.pointer(to: \.string)! }
    }

    public var context: StringContext {
        @inlinable unsafeAddress { parts.pointer(to: \.context)! }
        set { self = with(context: newValue) }
    }

    /// The same bytes with another context.
    public func with(context: StringContext) -> NixString {
        NixString(parts.pointee.string, context, raw: parts.pointee.raw)
    }

    /// True when the content is valid UTF-8, so `string` is exact.
    public var isText: Bool { @inlinable get { parts.pointee.raw == nil } }

    /// The exact bytes.
    public var bytes: [UInt8] { raw ?? Array(string.utf8) }

    /// Calls `body` with the exact bytes, without copying them.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let raw { return try raw.withUnsafeBufferPointer(body) }
        var text = string
        return try text.withUTF8(body)
    }

    public var byteCount: Int {
        if let raw { return raw.count }
        return string.utf8.count
    }

    /// Byte-wise equality, as Nix compares strings (context is ignored).
    public func nixEquals(_ other: NixString) -> Bool {
        if isText && other.isText { return string.nixEquals(other.string) }
        // Text is never equal to bytes that are not UTF-8.
        guard let a = raw, let b = other.raw else { return false }
        return a == b
    }

    /// Byte-wise order, as Nix orders strings.
    public func nixLess(_ other: NixString) -> Bool {
        if isText && other.isText { return string.nixLess(other.string) }
        return withBytes { a in other.withBytes { b in a.lexicographicallyPrecedes(b) } }
    }

    /// `self` followed by `other`, context joined. Two halves that are not
    /// UTF-8 on their own may join into text, so a result made from bytes
    /// is validated again.
    public func appending(_ other: NixString) -> NixString {
        var out = bytes
        other.withBytes { out.append(contentsOf: $0) }
        return NixString(bytes: out, context: context.union(other.context))
    }

    /// Exactly the bytes of `parts` in order, as one string (validated).
    static func joining(_ parts: [NixString], context: StringContext) -> NixString {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 &+ $1.byteCount })
        for p in parts { p.withBytes { out.append(contentsOf: $0) } }
        return NixString(bytes: out, context: context)
    }
}

extension NixString {
    /// The string as Nix shows an attribute name in a message: as it is when
    /// it reads as an identifier, otherwise quoted (exact bytes kept).
    public var shownAsName: String { isText ? AttrName.shown(string) : AttrName.shown(bytes: bytes) }
}

/// A path value's text: an absolute, canonical path. In the arena for the
/// same reason as NixString (a bare String would make every Value 24 bytes);
/// immutable, so sharing it needs no care.
/// A path whose bytes are not UTF-8 is held as its ExactRendering: `bytes`,
/// `nixString` and Files' system calls turn it back into those bytes.
public struct NixPath {
    @usableFromInline let text: UnsafePointer<String>
    public init(_ string: String) {
        let cell = Arena.allocate(String.self, .path)
        cell.initialize(to: string)
        text = UnsafePointer(cell)
    }

    public var string: String { @inlinable unsafeAddress { text } }

    /// The path's exact bytes.
    public var bytes: [UInt8] { ExactRendering.bytes(of: string) }

    /// The path as a string, exact bytes kept.
    public var nixString: NixString { NixString(exactRendering: string) }
}

/// The set of context elements of a string. Empty for almost every string,
/// so it costs one nil pointer then.
public struct StringContext: Sendable {
    /// Elements as Nix encodes them: "/nix/store/…" (plain), "=/nix/store/…drv"
    /// (all outputs), "!out!/nix/store/…drv" (one output).
    public private(set) var elements: Set<String>?

    public static let empty = StringContext(elements: nil)

    public init(elements: Set<String>?) {
        self.elements = (elements?.isEmpty ?? true) ? nil : elements
    }

    public init(_ element: String) { self.elements = [element] }

    public var isEmpty: Bool { elements == nil }

    public mutating func formUnion(_ other: StringContext) {
        guard let o = other.elements else { return }
        if var mine = elements {
            elements = nil
            mine.formUnion(o)
            elements = mine
        } else {
            elements = o
        }
    }

    public func union(_ other: StringContext) -> StringContext {
        var c = self
        c.formUnion(other)
        return c
    }
}
