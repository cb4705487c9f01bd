// A Nix string: its text and its context (the store paths it refers to).
// Nix strings are byte strings: compare and measure them through `utf8`
// (`nixEquals`, `nixCompare`, `byteCount`), never with Swift's Unicode-aware
// `==`/`<`, which would treat canonically equivalent strings as equal.
//
// A NixString is one reference to a shared box (copy-on-write), so that a
// `Value` stays 16 bytes: every list element, attribute and environment slot
// is a Value, and their size is most of the evaluator's memory traffic.
// Mutating `string` or `context` copies the box first unless it is unique,
// so a NixString behaves exactly like a plain struct of the two fields.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct NixString {
    /// Its fields skip Swift's run-time exclusivity checks: a box is only
    /// written through a NixString that holds the only reference to it.
    @usableFromInline final class Storage {
        @exclusivity(unchecked) @usableFromInline var string: String
        @exclusivity(unchecked) @usableFromInline var context: StringContext
        @usableFromInline init(_ string: String, _ context: StringContext) {
            self.string = string
            self.context = context
        }
    }

    @usableFromInline var storage: Storage

    public init(_ string: String, context: StringContext = .empty) {
        storage = Storage(string, context)
    }

    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.string, storage.context) }
    }

    public var string: String {
        @inlinable get { storage.string }
        @inlinable set { makeUnique(); storage.string = newValue }
        @inlinable _modify { makeUnique(); yield &storage.string }
    }

    public var context: StringContext {
        @inlinable get { storage.context }
        @inlinable set { makeUnique(); storage.context = newValue }
        @inlinable _modify { makeUnique(); yield &storage.context }
    }

    public var byteCount: Int { storage.string.utf8.count }

    /// Byte-wise equality, as Nix compares strings (context is ignored).
    public func nixEquals(_ other: NixString) -> Bool { storage.string.nixEquals(other.storage.string) }
}

/// A path value's text: an absolute, canonical path. Boxed for the same
/// reason as NixString (a bare String would make every Value 24 bytes);
/// immutable, so sharing it needs no care.
public final class NixPath {
    public let string: String
    public init(_ string: String) { self.string = string }
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
