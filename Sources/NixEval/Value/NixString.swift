// A Nix string: its text and its context (the store paths it refers to).
// Nix strings are byte strings: compare and measure them through `utf8`
// (`nixEquals`, `nixCompare`, `byteCount`), never with Swift's Unicode-aware
// `==`/`<`, which would treat canonically equivalent strings as equal.

public struct NixString {
    public var string: String
    public var context: StringContext

    public init(_ string: String, context: StringContext = .empty) {
        self.string = string
        self.context = context
    }

    public var byteCount: Int { string.utf8.count }

    /// Byte-wise equality, as Nix compares strings (context is ignored).
    public func nixEquals(_ other: NixString) -> Bool { string.nixEquals(other.string) }
}

extension String {
    /// Byte-wise equality (not Unicode canonical equivalence).
    @inlinable
    public func nixEquals(_ other: String) -> Bool {
        self.utf8.elementsEqual(other.utf8)
    }

    /// Byte-wise ordering, as Nix orders strings and attribute names.
    @inlinable
    public func nixLess(_ other: String) -> Bool {
        self.utf8.lexicographicallyPrecedes(other.utf8)
    }
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
