// A Nix string: its bytes and its context (the store paths it refers to).
// Nix strings are byte strings: compare and measure them through their bytes
// (`nixEquals`, `nixLess`, `byteCount`), never with Swift's Unicode-aware
// `==`/`<`, which would treat canonically equivalent strings as equal.
// Almost every string is valid UTF-8 and is held as a Swift `String`; the
// few that are not (a character cut by `substring`, a file of Latin-1 text)
// also carry their exact bytes, which every consumer that sees bytes uses.
//
// A NixString is one reference to a shared box (copy-on-write), so that a
// `Value` stays 16 bytes: every list element, attribute and environment slot
// is a Value, and their size is most of the evaluator's memory traffic.
// Mutating `string` or `context` copies the box first unless it is unique,
// so a NixString behaves exactly like a plain struct of the two fields.

import NixSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct NixString {
    /// Its fields skip Swift's run-time exclusivity checks: a box is only
    /// written through a NixString that holds the only reference to it.
    /// Text: almost every string.
    @usableFromInline class Storage {
        @exclusivity(unchecked) @usableFromInline final var string: String
        @exclusivity(unchecked) @usableFromInline final var context: StringContext
        @usableFromInline init(_ string: String, _ context: StringContext) {
            self.string = string
            self.context = context
        }
    }

    /// Bytes that are not UTF-8: `string` is then only a rendering, for
    /// messages (ExactRendering: the error renderer writes the exact bytes). A subclass rather than a field, so
    /// that text pays neither the space nor the work of an empty field.
    @usableFromInline final class RawStorage: Storage {
        @usableFromInline let raw: [UInt8]
        @usableFromInline init(_ raw: [UInt8], _ context: StringContext) {
            self.raw = raw
            super.init(ExactRendering.text(of: raw), context)
        }
    }

    /// The exact bytes when they are not UTF-8; nil for text.
    @inlinable var raw: [UInt8]? {
        if let r = storage as? RawStorage { return r.raw }
        return nil
    }

    @usableFromInline var storage: Storage

    /// A string of valid text.
    public init(_ string: String, context: StringContext = .empty) {
        storage = Storage(string, context)
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
            storage = Storage(text, context)
        } else {
            storage = RawStorage(Array(bytes), context)
        }
    }

    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = copy(storage, context: storage.context) }
    }

    /// The text. For a string that is not valid UTF-8 this is a rendering
    /// (see ExactRendering) that only error messages turn back into the
    /// bytes: use `bytes`/`withBytes` wherever the content matters.
    public var string: String {
        @inlinable get { storage.string }
    }

    public var context: StringContext {
        @inlinable get { storage.context }
        @inlinable set { makeUnique(); storage.context = newValue }
        @inlinable _modify { makeUnique(); yield &storage.context }
    }

    /// The same bytes with another context.
    public func with(context: StringContext) -> NixString {
        NixString(storage: copy(storage, context: context))
    }

    @usableFromInline func copy(_ s: Storage, context: StringContext) -> Storage {
        if let r = s as? RawStorage { return RawStorage(r.raw, context) }
        return Storage(s.string, context)
    }

    @usableFromInline init(storage: Storage) { self.storage = storage }

    /// True when the content is valid UTF-8, so `string` is exact.
    public var isText: Bool { @inlinable get { !(storage is RawStorage) } }

    /// The exact bytes.
    public var bytes: [UInt8] { raw ?? Array(storage.string.utf8) }

    /// Calls `body` with the exact bytes, without copying them.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let raw { return try raw.withUnsafeBufferPointer(body) }
        var text = storage.string
        return try text.withUTF8(body)
    }

    public var byteCount: Int {
        if let raw { return raw.count }
        return storage.string.utf8.count
    }

    /// Byte-wise equality, as Nix compares strings (context is ignored).
    public func nixEquals(_ other: NixString) -> Bool {
        if isText && other.isText { return storage.string.nixEquals(other.storage.string) }
        // Text is never equal to bytes that are not UTF-8.
        guard let a = raw, let b = other.raw else { return false }
        return a == b
    }

    /// Byte-wise order, as Nix orders strings.
    public func nixLess(_ other: NixString) -> Bool {
        if isText && other.isText { return storage.string.nixLess(other.storage.string) }
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

/// A path value's text: an absolute, canonical path. Boxed for the same
/// reason as NixString (a bare String would make every Value 24 bytes);
/// immutable, so sharing it needs no care.
/// A path whose bytes are not UTF-8 is held as its ExactRendering: `bytes`,
/// `nixString` and Files' system calls turn it back into those bytes.
public final class NixPath {
    public let string: String
    public init(_ string: String) { self.string = string }

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
