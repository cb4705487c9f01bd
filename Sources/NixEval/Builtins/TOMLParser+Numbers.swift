// Numbers, dates and times of the TOML reader. Integers out of the 64-bit
// range saturate and floats out of range become the largest finite double,
// as Nix's TOML library has it; dates and times are only recognised.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TOMLParser {
    private func digits(at offset: Int, _ count: Int) -> Bool {
        for i in 0..<count {
            guard let c = peek(offset + i), c.isASCIIDigit else { return false }
        }
        return true
    }

    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLNode {
        if digits(at: 0, 4) && peek(4) == UInt8(ascii: "-") { return try parseDate() }
        if digits(at: 0, 2) && peek(2) == UInt8(ascii: ":") { return try parseTime() }
        let start = pos
        var negative = false
        if let c = peek, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            pos += 1
        }
        if looking(at: "inf") { pos += 3; return .float(negative ? -.infinity : .infinity) }
        if looking(at: "nan") { pos += 3; return .float(negative ? -Double.nan : Double.nan) }
        if pos == start, peek == UInt8(ascii: "0"), let r = peek(1) {
            switch r {
            case UInt8(ascii: "x"): return try parseRadix(16)
            case UInt8(ascii: "o"): return try parseRadix(8)
            case UInt8(ascii: "b"): return try parseRadix(2)
            default: break
            }
        }
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let intStart = pos
        try readDigits(into: &text, what: "integer")
        if bytes[intStart] == UInt8(ascii: "0") && pos - intStart > 1 {
            throw error("leading zeros are not allowed in a number", at: intStart)
        }
        var isFloat = false
        if peek == UInt8(ascii: ".") {
            isFloat = true
            text.append(UInt8(ascii: "."))
            pos += 1
            try readDigits(into: &text, what: "fraction")
        }
        if let e = peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            text.append(UInt8(ascii: "e"))
            pos += 1
            if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                text.append(s)
                pos += 1
            }
            try readDigits(into: &text, what: "exponent")
        }
        if isFloat { return .float(Self.float(text)) }
        return .integer(Self.saturatingInteger(text.dropFirst(negative ? 1 : 0), radix: 10, negative: negative))
    }

    /// Digits with single underscores between them (the underscores are dropped).
    private mutating func readDigits(into text: inout [UInt8], what: String) throws(TOMLError) {
        guard let first = peek, first.isASCIIDigit else { throw error("expected a digit in the \(what)") }
        while let c = peek {
            if c.isASCIIDigit {
                text.append(c)
                pos += 1
            } else if c == UInt8(ascii: "_") {
                guard let n = peek(1), n.isASCIIDigit else { throw error("'_' must stand between digits") }
                pos += 1
            } else {
                break
            }
        }
    }

    private mutating func parseRadix(_ radix: Int) throws(TOMLError) -> TOMLNode {
        pos += 2
        var text: [UInt8] = []
        func isDigit(_ c: UInt8) -> Bool {
            switch radix {
            case 16: return Self.hexValue(c) != nil
            case 8: return c >= 0x30 && c <= 0x37
            default: return c == 0x30 || c == 0x31
            }
        }
        guard let first = peek, isDigit(first) else { throw error("expected a digit after the base prefix") }
        while let c = peek {
            if isDigit(c) {
                text.append(c)
                pos += 1
            } else if c == UInt8(ascii: "_") {
                guard let n = peek(1), isDigit(n) else { throw error("'_' must stand between digits") }
                pos += 1
            } else {
                break
            }
        }
        return .integer(Self.saturatingInteger(text[...], radix: radix, negative: false))
    }

    static func saturatingInteger(_ digits: ArraySlice<UInt8>, radix: Int, negative: Bool) -> Int {
        var magnitude: UInt64 = 0
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        for d in digits {
            let v = UInt64(hexValue(d) ?? 0)
            let (m, o1) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (s, o2) = m.addingReportingOverflow(v)
            if o1 || o2 || s > limit { return negative ? Int.min : Int.max }
            magnitude = s
        }
        return negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude)
    }

    static func float(_ text: [UInt8]) -> Double {
        var c = text
        c.append(0)
        let d = c.withUnsafeBufferPointer { b in
            b.baseAddress.map { strtod(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self), nil) } ?? 0
        }
        if d == .infinity { return .greatestFiniteMagnitude }
        if d == -.infinity { return -.greatestFiniteMagnitude }
        return d
    }

    // MARK: Dates and times

    private mutating func expectDigits(_ n: Int) throws(TOMLError) {
        guard digits(at: 0, n) else { throw error("malformed date or time") }
        pos += n
    }

    private mutating func expect(_ c: Character) throws(TOMLError) {
        guard let b = c.asciiValue, peek == b else { throw error("malformed date or time") }
        pos += 1
    }

    private mutating func parseTimeOfDay() throws(TOMLError) {
        try expectDigits(2)
        try expect(":")
        try expectDigits(2)
        try expect(":")
        try expectDigits(2)
        if peek == UInt8(ascii: "."), let d = peek(1), d.isASCIIDigit {
            pos += 1
            while let d = peek, d.isASCIIDigit { pos += 1 }
        }
    }

    private mutating func parseTime() throws(TOMLError) -> TOMLNode {
        try parseTimeOfDay()
        return .dateTime
    }

    private mutating func parseDate() throws(TOMLError) -> TOMLNode {
        try expectDigits(4)
        try expect("-")
        try expectDigits(2)
        try expect("-")
        try expectDigits(2)
        let separator = peek
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && digits(at: 1, 2) && peek(3) == UInt8(ascii: ":")) {
            pos += 1
            try parseTimeOfDay()
            if let z = peek, z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") {
                pos += 1
            } else if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                pos += 1
                try expectDigits(2)
                try expect(":")
                try expectDigits(2)
            }
        }
        return .dateTime
    }
}
