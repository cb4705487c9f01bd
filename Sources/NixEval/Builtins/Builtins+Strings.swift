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
            return .string(NixString(substring(of: s.string, start: start, length: len), context: s.context))
        },

        PrimOp("concatStringsSep", arity: 2,
               doc: "`concatStringsSep sep list`: the strings of `list` joined with `sep` between them.") { ev, args, span in
            let sep = try ev.forceString(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            var out = ""
            var context = sep.context
            for (i, element) in list.enumerated() {
                if i > 0 { out += sep.string }
                let s = try ev.coerceArgument(element, at: span)
                out += s.string
                context.formUnion(s.context)
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
            let from = try fromList.map { try ev.stringArgument($0, at: span).nixBytes }
            let to = try toList.map { try ev.forceString($0, at: span) }
            let subject = try ev.forceString(args[2], at: span)
            return .string(replace(in: subject, from: from, to: to))
        },

        PrimOp("baseNameOf", arity: 1,
               doc: "The last component of a path or string (a trailing slash is ignored).") { ev, args, span in
            let s = try ev.coerceArgument(args[0], at: span, copyToStore: false)
            return .string(NixString(baseName(of: s.string), context: s.context))
        },

        PrimOp("dirOf", arity: 1,
               doc: "Everything before the last slash of a path or string: a path for a path, a string for a string.") { ev, args, span in
            let v = try ev.force(args[0], at: span)
            let s = try ev.coerceArgument(v, at: span, copyToStore: false)
            let dir = directory(of: s.string)
            if case .path = v { return .path(dir) }
            return .string(NixString(dir, context: s.context))
        },
    ] }

    /// The bytes `[start, start+length)` of `s`, clipped to its end; a negative
    /// `length` takes the rest.
    static func substring(of s: String, start: Int, length: Int) -> String {
        let count = s.utf8.count
        if start >= count || length == 0 { return "" }
        let end = length < 0 || length > count - start ? count : start + length
        if start == 0 && end == count { return s }
        let u = s.utf8
        let a = u.index(u.startIndex, offsetBy: start)
        let b = u.index(a, offsetBy: end - start)
        return String(nixBytes: u[a..<b])
    }

    /// Nix's replaceStrings: at each position the first pattern of `from`
    /// that matches wins; an empty pattern matches everywhere (including at
    /// the very end) and its replacement is inserted before the next byte,
    /// which is kept. Only the replacements actually used add their context.
    static func replace(in subject: NixString, from: [[UInt8]], to: [NixString]) -> NixString {
        if from.isEmpty { return subject }
        let s = subject.string.nixBytes
        let toBytes = to.map { $0.string.nixBytes }
        var usedContext = [Bool](repeating: false, count: to.count)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var p = 0
        while p <= s.count {
            var matched = -1
            for (k, pattern) in from.enumerated() where s.hasBytes(pattern, at: p) {
                matched = k
                break
            }
            if matched >= 0 {
                out.append(contentsOf: toBytes[matched])
                usedContext[matched] = true
                if from[matched].isEmpty {
                    if p < s.count { out.append(s[p]) }
                    p += 1
                } else {
                    p += from[matched].count
                }
            } else {
                if p < s.count { out.append(s[p]) }
                p += 1
            }
        }
        var context = subject.context
        for (k, used) in usedContext.enumerated() where used { context.formUnion(to[k].context) }
        return NixString(String(nixBytes: out), context: context)
    }

    /// The last component: a single trailing slash is dropped first.
    static func baseName(of s: String) -> String {
        let b = s.nixBytes
        if b.isEmpty { return "" }
        var last = b.count - 1
        if b[last] == UInt8(ascii: "/") && last > 0 { last -= 1 }
        var start = last
        while start >= 0 && b[start] != UInt8(ascii: "/") { start -= 1 }
        start += 1
        if start > last { return "" }
        return String(nixBytes: b[start...last])
    }

    /// Everything before the last slash; "." when there is none, "/" when it is the first byte.
    static func directory(of s: String) -> String {
        let b = s.nixBytes
        guard let slash = b.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == 0 { return "/" }
        return String(nixBytes: b[..<slash])
    }
}
