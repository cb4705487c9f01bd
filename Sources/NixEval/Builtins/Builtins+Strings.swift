// Builtins: strings measured and cut by bytes (stringLength, substring),
// joined (concatStringsSep), rewritten (replaceStrings), and the path-name
// functions on strings and paths (baseNameOf, dirOf). `toString` lives with
// the core. Argument order of forcing follows Nix, so that the first error
// reported for a bad call is the one Nix reports.

import NixSyntax

extension Builtins {
    static var strings: [PrimOp] { [
        PrimOp("stringLength", arity: 1, doc: "The length of a string in bytes.") { ev, args, span in
            .int(try ev.coerceArgument(args[0], at: span).byteCount)
        },

        PrimOp("substring", arity: 3,
               doc: "`substring start len s`: the bytes of `s` from `start`, at most `len` of them (a negative `len` means to the end).") { ev, args, span in
            // Nix reads both numbers as C ints: wider values wrap to 32 bits.
            let start = Int(Int32(truncatingIfNeeded: try ev.forceInt(args[0], at: span)))
            let len = Int(Int32(truncatingIfNeeded: try ev.forceInt(args[1], at: span)))
            let s = try ev.coerceArgument(args[2], at: span)
            if start < 0 { throw EvalError("negative start position in 'substring'", at: span) }
            return .string(substring(of: s, start: start, length: len))
        },

        PrimOp("concatStringsSep", arity: 2,
               doc: "`concatStringsSep sep list`: the strings of `list` joined with `sep` between them.") { ev, args, span in
            let sep = try ev.forceString(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            // Coerce every element first (in order, as Nix forces them), then
            // copy into a string of the exact final size.
            var parts: [String] = []
            parts.reserveCapacity(list.count)
            var context = sep.context
            var total = list.isEmpty ? 0 : sep.byteCount &* (list.count - 1)
            // Only when some part is not UTF-8: every part, joined as bytes.
            var exact: [NixString]? = sep.isText ? nil : []
            for element in list {
                let s = try ev.coerceArgument(element, at: span)
                total &+= s.byteCount
                context.formUnion(s.context)
                if !s.isText && exact == nil { exact = parts.map { NixString($0) } }
                parts.append(s.string)
                exact?.append(s)
            }
            if let exact {
                var pieces: [NixString] = []
                for (i, s) in exact.enumerated() {
                    if i > 0 { pieces.append(sep) }
                    pieces.append(s)
                }
                return .string(NixString.joining(pieces, context: context))
            }
            var out = ""
            out.reserveCapacity(total)
            for (i, part) in parts.enumerated() {
                if i > 0 { out.append(sep.string) }
                out.append(part)
            }
            return .string(NixString(out, context: context))
        },

        PrimOp("replaceStrings", arity: 3,
               doc: "`replaceStrings from to s`: `s` with each occurrence of a string of `from` replaced by the matching string of `to`.") { ev, args, span in
            let fromList = try ev.forceList(args[0], at: span)
            let toList = try ev.forceList(args[1], at: span)
            if fromList.count != toList.count {
                throw EvalError("'from' and 'to' arguments to 'replaceStrings' have different lengths", at: span)
            }
            let from = try fromList.map { try ev.forceString($0, at: span) }
            let to = try toList.map { try ev.forceString($0, at: span) }
            let subject = try ev.forceString(args[2], at: span)
            return .string(replace(in: subject, from: from, to: to))
        },

        PrimOp("baseNameOf", arity: 1,
               doc: "The last component of a path or string (a trailing slash is ignored).") { ev, args, span in
            let s = try ev.coerceArgument(args[0], at: span, copyToStore: false)
            return .string(NixString(bytes: baseName(of: s.bytes), context: s.context))
        },

        PrimOp("dirOf", arity: 1,
               doc: "Everything before the last slash of a path or string: a path for a path, a string for a string.") { ev, args, span in
            let v = try ev.force(args[0], at: span)
            let s = try ev.coerceArgument(v, at: span, copyToStore: false)
            let dir = directory(of: s.bytes)
            if case .path = v { return .path(ExactRendering.text(of: dir)) }
            return .string(NixString(bytes: dir, context: s.context))
        },
    ] }

    /// The bytes `[start, start+length)` of `s`, clipped to its end; a negative
    /// `length` takes the rest. Context is kept.
    static func substring(of s: NixString, start: Int, length: Int) -> NixString {
        let count = s.byteCount
        if start >= count || length == 0 { return NixString("", context: s.context) }
        let end = length < 0 || length > count - start ? count : start + length
        if start == 0 && end == count { return s }
        if s.isText {
            let u = s.string.utf8
            let a = u.index(u.startIndex, offsetBy: start)
            let b = u.index(a, offsetBy: end - start)
            // A cut between two characters is text again, at no validation cost.
            if let text = String(u[a..<b]) { return NixString(text, context: s.context) }
        }
        return s.withBytes { NixString(bytes: $0[start..<end], context: s.context) }
    }

    /// Nix's replaceStrings: at each position the first pattern of `from`
    /// that matches wins; an empty pattern matches everywhere (including at
    /// the very end) and its replacement is inserted before the next byte,
    /// which is kept. Only the replacements actually used add their context.
    static func replace(in subject: NixString, from: [NixString], to: [NixString]) -> NixString {
        if from.isEmpty { return subject }
        let patterns = Patterns(from.map(\.bytes))
        let replacements = Patterns(to.map(\.bytes))
        // Text patterns match text only between characters, so text in and
        // text out needs no byte path; an empty pattern cuts between bytes.
        let textOnly = subject.isText && patterns.firstEmpty < 0
            && from.allSatisfy(\.isText) && to.allSatisfy(\.isText)
        // First find every match (position and pattern) and the result's
        // size, then write the result once into a buffer of that size.
        var hits: [Int] = []
        // The result as text, or as bytes when it may not be UTF-8.
        let result: (text: String?, bytes: [UInt8]?)? = subject.withBytes { s in
            var total = s.count
            let starts = patterns.starts
            patterns.bytes.withUnsafeBufferPointer { bytes in
                patterns.bounds.withUnsafeBufferPointer { bounds in
                    var p = 0
                    while p < s.count {
                        if !starts.contains(s[p]) { p += 1; continue }
                        let k = patterns.match(s, at: p, bytes, bounds)
                        if k < 0 { p += 1; continue }
                        hits.append(p)
                        hits.append(k)
                        let length = bounds[k + 1] - bounds[k]
                        // An empty pattern keeps the byte it stands before.
                        total += replacements.length(k) - length
                        p += length == 0 ? 1 : length
                    }
                }
            }
            // Only an empty pattern matches at the very end.
            if patterns.firstEmpty >= 0 {
                hits.append(s.count)
                hits.append(patterns.firstEmpty)
                total += replacements.length(patterns.firstEmpty)
            }
            if hits.isEmpty { return nil }
            return replacements.bytes.withUnsafeBufferPointer { rbytes in
                func fill(_ out: UnsafeMutableBufferPointer<UInt8>) -> Int {
                    var n = 0
                    var copied = 0
                    func copy(_ from: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
                        // The sizes were counted above; never write past them.
                        let count = min(end - start, out.count - n)
                        guard count > 0, let dst = out.baseAddress, let src = from.baseAddress else { return }
                        (dst + n).update(from: src + start, count: count)
                        n += count
                    }
                    var h = 0
                    while h < hits.count {
                        let p = hits[h], k = hits[h + 1]
                        h += 2
                        copy(s, copied, p)
                        copy(rbytes, replacements.bounds[k], replacements.bounds[k + 1])
                        copied = p + patterns.length(k)
                    }
                    copy(s, copied, s.count)
                    return n
                }
                if textOnly { return (String(unsafeUninitializedCapacity: total, initializingUTF8With: fill), nil) }
                return (nil, [UInt8](unsafeUninitializedCapacity: total) { buffer, n in n = fill(buffer) })
            }
        }
        guard let out = result else { return subject }
        var context = subject.context
        var used = [Bool](repeating: false, count: to.count)
        var h = 1
        while h < hits.count { used[hits[h]] = true; h += 2 }
        for (k, isUsed) in used.enumerated() where isUsed { context.formUnion(to[k].context) }
        if let text = out.text { return NixString(text, context: context) }
        return NixString(bytes: out.bytes ?? [], context: context)
    }

    /// The `from` (or `to`) strings of replaceStrings, laid out in one byte
    /// array (string k is `bytes[bounds[k]..<bounds[k+1]]`), with the set of
    /// bytes a match can start with.
    private struct Patterns {
        var bytes: [UInt8] = []
        var bounds: [Int] = [0]
        var starts = ByteSet()
        /// The first empty pattern, which matches everywhere; -1 if none.
        var firstEmpty = -1

        init(_ from: [[UInt8]]) {
            for (k, pattern) in from.enumerated() {
                bytes.append(contentsOf: pattern)
                bounds.append(bytes.count)
                if let first = pattern.first {
                    starts.insert(first)
                } else if firstEmpty < 0 {
                    firstEmpty = k
                }
            }
            if firstEmpty >= 0 { starts = ByteSet.all }
        }

        func length(_ k: Int) -> Int { bounds[k + 1] - bounds[k] }

        /// The first pattern (in order) that occurs at `p`, or -1.
        @inline(__always)
        func match(_ s: UnsafeBufferPointer<UInt8>, at p: Int,
                   _ bytes: UnsafeBufferPointer<UInt8>, _ bounds: UnsafeBufferPointer<Int>) -> Int {
            if !starts.contains(s[p]) { return -1 }
            var k = 0
            while k < bounds.count - 1 {
                let a = bounds[k], length = bounds[k + 1] - a
                if length <= s.count - p {
                    var i = 0
                    while i < length && s[p + i] == bytes[a + i] { i += 1 }
                    if i == length { return k }
                }
                k += 1
            }
            return -1
        }
    }

    /// A set of byte values, as four words of bits.
    private struct ByteSet {
        var words = SIMD4<UInt64>(repeating: 0)
        static let all = ByteSet(words: SIMD4<UInt64>(repeating: ~0))

        mutating func insert(_ b: UInt8) {
            words[Int(b >> 6)] |= UInt64(1) << UInt64(b & 63)
        }

        @inline(__always)
        func contains(_ b: UInt8) -> Bool {
            (words[Int(b >> 6)] >> UInt64(b & 63)) & 1 != 0
        }
    }

    /// The last component: a single trailing slash is dropped first.
    static func baseName(of b: [UInt8]) -> ArraySlice<UInt8> {
        if b.isEmpty { return [] }
        var last = b.count - 1
        if b[last] == UInt8(ascii: "/") && last > 0 { last -= 1 }
        var start = last
        while start >= 0 && b[start] != UInt8(ascii: "/") { start -= 1 }
        start += 1
        if start > last { return [] }
        return b[start...last]
    }

    /// Everything before the last slash; "." when there is none, "/" when it is the first byte.
    static func directory(of b: [UInt8]) -> ArraySlice<UInt8> {
        guard let slash = b.lastIndex(of: UInt8(ascii: "/")) else { return ArraySlice(".".utf8) }
        if slash == 0 { return ArraySlice("/".utf8) }
        return b[..<slash]
    }
}
