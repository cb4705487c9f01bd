// Builtins: version strings (compareVersions, splitVersion) and package names
// (parseDrvName), with Nix's component rules: a component is a run of digits
// or a run of other bytes, `.` and `-` separate; numbers compare as numbers
// (only when they fit a 32-bit int, as in Nix), "pre" sorts before anything
// else, a missing component sorts before a number, a number after a word.

import NixSyntax

extension Builtins {
    static var versions: [PrimOp] { [
        PrimOp("compareVersions", arity: 2,
               doc: "`compareVersions a b`: -1, 0 or 1 as version `a` is older than, equal to or newer than `b`.") { ev, args, span in
            let a = try ev.contextFreeString(args[0], at: span)
            let b = try ev.contextFreeString(args[1], at: span)
            return .int(a.withBytes { pa in b.withBytes { pb in compareVersions(pa, pb) } })
        },

        PrimOp("splitVersion", arity: 1,
               doc: "The components of a version string, as compareVersions sees them.") { ev, args, span in
            let s = try ev.contextFreeString(args[0], at: span)
            return .list(s.withBytes { VersionScanner.components(of: $0) }.map { .string(NixString(bytes: $0)) })
        },

        PrimOp("parseDrvName", arity: 1,
               doc: "Splits a package name like \"nix-2.8.0\" into `{ name = \"nix\"; version = \"2.8.0\"; }` at the first dash followed by a non-letter.") { ev, args, span in
            let s = try ev.contextFreeString(args[0], at: span)
            let (name, version) = parseDrvName(s.bytes)
            return ev.makeAttrs([("name", .string(NixString(bytes: name))), ("version", .string(NixString(bytes: version)))])
        },
    ] }

    static func compareVersions(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in compareVersions(pa, pb) } }
    }

    static func compareVersions(_ pa: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>) -> Int {
        var p = VersionScanner(pa), q = VersionScanner(pb)
        while !p.atEnd || !q.atEnd {
            let c1 = p.next(), c2 = q.next()
            if VersionScanner.componentLess(c1, c2) { return -1 }
            if VersionScanner.componentLess(c2, c1) { return 1 }
        }
        return 0
    }

    /// Split at the first dash followed by a non-letter (bytes, so a name need not be UTF-8).
    static func parseDrvName(_ b: [UInt8]) -> (name: ArraySlice<UInt8>, version: ArraySlice<UInt8>) {
        var i = 0
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "-") && !b[i + 1].isASCIILetter {
                return (b[..<i], b[(i + 1)...])
            }
            i += 1
        }
        return (b[...], [])
    }
}

/// Walks the bytes of a version string component by component.
struct VersionScanner {
    typealias Component = Slice<UnsafeBufferPointer<UInt8>>
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    private static func isSeparator(_ c: UInt8) -> Bool { c == UInt8(ascii: ".") || c == UInt8(ascii: "-") }

    /// The next component; empty once the string is used up.
    mutating func next() -> Component {
        while position < bytes.count && Self.isSeparator(bytes[position]) { position += 1 }
        let start = position
        if position < bytes.count && bytes[position].isASCIIDigit {
            while position < bytes.count && bytes[position].isASCIIDigit { position += 1 }
        } else {
            while position < bytes.count && !bytes[position].isASCIIDigit && !Self.isSeparator(bytes[position]) {
                position += 1
            }
        }
        return bytes[start..<position]
    }

    static func components(of buffer: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var scanner = VersionScanner(buffer)
        var out: [[UInt8]] = []
        while !scanner.atEnd {
            let c = scanner.next()
            if c.isEmpty { break }
            out.append(Array(c))
        }
        return out
    }

    /// A component's value as a number, if it is all digits and fits 32 bits.
    static func number(_ c: Component) -> Int32? {
        if c.isEmpty { return nil }
        var n: Int32 = 0
        for d in c {
            guard d.isASCIIDigit else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int32(d - 0x30))
            if o1 || o2 { return nil }
            n = s
        }
        return n
    }

    private static func isPre(_ c: Component) -> Bool {
        c.count == 3 && c.elementsEqual("pre".utf8)
    }

    static func componentLess(_ c1: Component, _ c2: Component) -> Bool {
        let n1 = number(c1), n2 = number(c2)
        if let n1, let n2 { return n1 < n2 }
        if c1.isEmpty && n2 != nil { return true }
        if isPre(c1) && !isPre(c2) { return true }
        if isPre(c2) { return false }
        // A word sorts before a number: 2.3a < 2.3.1.
        if n2 != nil { return true }
        if n1 != nil { return false }
        return c1.lexicographicallyPrecedes(c2)
    }
}
