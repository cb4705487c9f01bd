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

    private enum NumberPart { case integer, fraction, exponent }

    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLNode {
        if digits(at: 0, 4) && peek(4) == UInt8(ascii: "-") { return try parseDate() }
        // A time of day needs its seconds; "07:32" is read as a number (and refused as one).
        if digits(at: 0, 2) && peek(2) == UInt8(ascii: ":") && digits(at: 3, 2) && peek(5) == UInt8(ascii: ":") && digits(at: 6, 2) {
            return try parseTime()
        }
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
            case UInt8(ascii: "x"): return try parseRadix(16, "toml::parse_hexadecimal_integer")
            case UInt8(ascii: "o"): return try parseRadix(8, "toml::parse_octal_integer: ")
            case UInt8(ascii: "b"): return try parseRadix(2, "toml::parse_binary_integer: ")
            case UInt8(ascii: "e"), UInt8(ascii: "E"): break
            case _ where r.isASCIILetter:
                throw failure("toml::parse_integer: unknown integer prefix appeared.", at: pos, "none of 0x, 0o, 0b")
            default: break
            }
        }
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let intStart = pos
        guard peek?.isASCIIDigit == true else { throw unknownValue() }
        if peek == UInt8(ascii: "0") && peek(1) == UInt8(ascii: "_") {
            throw failure("bad integer: `_` should be surrounded by digits", at: pos + 1, "here", hints: Self.integerHints)
        }
        try readDigits(into: &text, .integer)
        if bytes[intStart] == UInt8(ascii: "0") && pos - intStart > 1 {
            throw failure("bad integer: leading zero", at: start, "here", hints: Self.integerHints)
        }
        var isFloat = false
        if peek == UInt8(ascii: ".") {
            let dot = pos
            isFloat = true
            text.append(UInt8(ascii: "."))
            pos += 1
            guard peek?.isASCIIDigit == true else { throw failure("bad float: invalid format", at: dot, "here", hints: Self.floatHints) }
            try readDigits(into: &text, .fraction)
        }
        if let e = peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let mark = pos
            isFloat = true
            text.append(UInt8(ascii: "e"))
            pos += 1
            if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                text.append(s)
                pos += 1
            }
            guard peek?.isASCIIDigit == true else { throw failure("bad float: invalid format", at: mark, "here", hints: Self.floatHints) }
            try readDigits(into: &text, .exponent)
        }
        if isFloat { return .float(Self.float(text)) }
        return .integer(Self.saturatingInteger(text.dropFirst(negative ? 1 : 0), radix: 10, negative: negative))
    }

    /// Digits with single underscores between them (the underscores are dropped).
    private mutating func readDigits(into text: inout [UInt8], _ part: NumberPart) throws(TOMLError) {
        while let c = peek {
            if c.isASCIIDigit {
                text.append(c)
                pos += 1
            } else if c == UInt8(ascii: "_") {
                guard let n = peek(1), n.isASCIIDigit else {
                    if part == .integer {
                        throw failure("bad integer: `_` should be surrounded by digits", at: pos, "here", hints: Self.integerHints)
                    }
                    throw failure("bad float: `_` should be surrounded by digits", at: pos, "here", hints: Self.floatHints)
                }
                pos += 1
            } else {
                break
            }
        }
    }

    private mutating func parseRadix(_ radix: Int, _ header: String) throws(TOMLError) -> TOMLNode {
        let start = pos
        pos += 2
        var text: [UInt8] = []
        func isDigit(_ c: UInt8) -> Bool {
            switch radix {
            case 16: return Self.hexValue(c) != nil
            case 8: return c >= 0x30 && c <= 0x37
            default: return c == 0x30 || c == 0x31
            }
        }
        guard let first = peek, isDigit(first) else { throw failure(header, at: start, "the next token is not an integer") }
        while let c = peek {
            if isDigit(c) {
                text.append(c)
                pos += 1
            } else if c == UInt8(ascii: "_") {
                guard let n = peek(1), isDigit(n) else {
                    throw failure("bad integer: `_` should be surrounded by digits", at: pos, "here", hints: Self.integerHints)
                }
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

    private mutating func number(_ n: Int, start: Int) throws(TOMLError) -> Int {
        guard digits(at: 0, n) else { throw failure("bad format: unknown value appeared", at: start, "here") }
        var v = 0
        for _ in 0..<n {
            v = v * 10 + Int(bytes[pos] - 0x30)
            pos += 1
        }
        return v
    }

    private mutating func expect(_ c: Character, start: Int) throws(TOMLError) {
        guard let b = c.asciiValue, peek == b else { throw failure("bad format: unknown value appeared", at: start, "here") }
        pos += 1
    }

    private mutating func parseTimeOfDay(start: Int) throws(TOMLError) {
        _ = try number(2, start: start)
        try expect(":", start: start)
        _ = try number(2, start: start)
        try expect(":", start: start)
        _ = try number(2, start: start)
        if peek == UInt8(ascii: "."), let d = peek(1), d.isASCIIDigit {
            pos += 1
            while let d = peek, d.isASCIIDigit { pos += 1 }
        }
    }

    private mutating func parseTime() throws(TOMLError) -> TOMLNode {
        try parseTimeOfDay(start: pos)
        return .dateTime("local_time")
    }

    private mutating func parseDate() throws(TOMLError) -> TOMLNode {
        let start = pos
        let year = try number(4, start: start)
        try expect("-", start: start)
        let month = try number(2, start: start)
        try expect("-", start: start)
        let day = try number(2, start: start)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= days[month - 1] else {
            throw failure("toml::parse_date: invalid date: it does not conform RFC3339.", at: pos,
                          "month should be 01-12, day should be 01-28,29,30,31, depending on month/year.")
        }
        let separator = peek
        if separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && digits(at: 1, 2) && peek(3) == UInt8(ascii: ":")) {
            let timeStart = pos
            pos += 1
            guard digits(at: 0, 2) && peek(2) == UInt8(ascii: ":") && digits(at: 3, 2) && peek(5) == UInt8(ascii: ":") && digits(at: 6, 2) else {
                throw failure("bad time: should be HH:MM:SS.subsec", at: timeStart, "HH:MM:SS.subsec",
                              hints: ["pass: 1979-05-27T07:32:00, 1979-05-27 07:32:00.999999", "fail: 1979-05-27T7:32:00, 1979-05-27 17:32"])
            }
            try parseTimeOfDay(start: start)
            if let z = peek, z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") {
                pos += 1
                return .dateTime("offset_datetime")
            } else if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                pos += 1
                _ = try number(2, start: start)
                try expect(":", start: start)
                _ = try number(2, start: start)
                return .dateTime("offset_datetime")
            }
            return .dateTime("local_datetime")
        }
        return .dateTime("local_date")
    }
}
