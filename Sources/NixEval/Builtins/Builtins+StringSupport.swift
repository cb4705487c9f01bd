// Helpers shared by the string, regex, version, hash, JSON, XML and TOML
// builtins: coercing an argument to a string the way Nix does, and working on
// the bytes of a string. Nix strings are byte strings: builtins whose result
// may cut a character apart build it with `NixString(bytes:)`, which keeps
// bytes that are not UTF-8. `String(nixBytes:)` repairs them (U+FFFD) and
// is only for text that is UTF-8 by construction or shown in messages.
// Nothing here forces more than the value it is given.

import NixSyntax

extension Evaluator {
    /// Nix's `coerceToString` for a builtin's argument, with a fast path for a
    /// value that already is a string (no copying, context kept).
    func coerceArgument(_ value: Value, at span: Span, copyToStore: Bool = true) throws -> NixString {
        let v = try force(value, at: span)
        if case .string(let s) = v { return s }
        if case .path(let p) = v, !copyToStore { return p.nixString }
        return try coerceToString(v, at: span, coerceMore: false, copyToStore: copyToStore)
    }

    /// A string argument's text, forced and type-checked (no coercion).
    func stringArgument(_ value: Value, at span: Span) throws -> String {
        try forceString(value, at: span).string
    }

    /// A string argument that must not refer to store paths (regexes, version
    /// strings, JSON and TOML text, hash names), with Nix's error otherwise.
    func contextFreeStringArgument(_ value: Value, at span: Span) throws -> String {
        try contextFreeString(value, at: span).string
    }

    /// `contextFreeStringArgument` with the exact bytes.
    func contextFreeString(_ value: Value, at span: Span) throws -> NixString {
        let s = try forceString(value, at: span)
        if let elements = s.context.elements, let first = elements.min(by: { $0.nixLess($1) }) {
            throw EvalError("the string '\(s.string)' is not allowed to refer to a store path (such as '\(first)')", at: span)
        }
        return s
    }
}

extension String {
    /// The UTF-8 bytes, as Nix sees a string.
    var nixBytes: [UInt8] { Array(utf8) }

    /// A string from bytes; invalid UTF-8 (only reachable by cutting a
    /// character apart) is repaired rather than trapped on.
    init(nixBytes bytes: some Collection<UInt8>) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Whether `pattern` occurs at `offset` (false if it would run past the end).
    @inline(__always)
    func hasBytes(_ pattern: [UInt8], at offset: Int) -> Bool {
        if pattern.count > count - offset { return false }
        var i = 0
        while i < pattern.count {
            if self[offset + i] != pattern[i] { return false }
            i += 1
        }
        return true
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}
