// The tokenizer of Nix's regular expressions (POSIX extended, as libstdc++
// reads it). It works one token ahead of the compiler, as libstdc++'s does,
// so a syntax error in the token after a construct is found before that
// construct is built: this decides which of "invalid" and "too large" Nix
// reports for a pattern that is both.
//
// Notable rules: only `.[\()*+?{|^$` may be escaped (`\d`, `\]`, `\n` are
// errors); `]` and `}` are ordinary outside brackets; inside brackets a
// backslash is an ordinary byte and `]` right after `[` or `[^` is literal.

struct RegexScanner {
    enum Token: Equatable {
        case eof
        case ordinary(UInt8)
        case anyChar, lineBegin, lineEnd, star, plus, question, or
        case groupBegin, groupEnd
        case bracketBegin, bracketNegatedBegin, bracketEnd, bracketDash
        case collatingSymbol, equivalenceClass, characterClass
        case intervalBegin, dupCount, comma, intervalEnd
    }

    private enum Mode { case normal, bracket, brace }

    private let pattern: [UInt8]
    private var position = 0
    private var mode = Mode.normal
    private var atBracketStart = false
    private(set) var token = Token.eof
    /// The text of a class name, collating symbol or repeat count.
    private(set) var value: [UInt8] = []

    init(_ pattern: [UInt8]) { self.pattern = pattern }

    private static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "|"),
             UInt8(ascii: "^"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    mutating func advance() throws(NixRegex.CompileError) {
        guard position < pattern.count else {
            token = .eof
            return
        }
        switch mode {
        case .normal: try scanNormal()
        case .bracket: try scanBracket()
        case .brace: try scanBrace()
        }
    }

    private mutating func scanNormal() throws(NixRegex.CompileError) {
        let c = pattern[position]
        position += 1
        guard Self.isSpecial(c) else {
            token = .ordinary(c)
            return
        }
        switch c {
        case UInt8(ascii: "\\"):
            guard position < pattern.count, Self.isSpecial(pattern[position]) else { throw .invalid }
            token = .ordinary(pattern[position])
            position += 1
        case UInt8(ascii: "("): token = .groupBegin
        case UInt8(ascii: ")"): token = .groupEnd
        case UInt8(ascii: "["):
            mode = .bracket
            atBracketStart = true
            if position < pattern.count && pattern[position] == UInt8(ascii: "^") {
                token = .bracketNegatedBegin
                position += 1
            } else {
                token = .bracketBegin
            }
        case UInt8(ascii: "{"):
            mode = .brace
            token = .intervalBegin
        case UInt8(ascii: "^"): token = .lineBegin
        case UInt8(ascii: "$"): token = .lineEnd
        case UInt8(ascii: "."): token = .anyChar
        case UInt8(ascii: "*"): token = .star
        case UInt8(ascii: "+"): token = .plus
        case UInt8(ascii: "?"): token = .question
        default: token = .or
        }
    }

    private mutating func scanBracket() throws(NixRegex.CompileError) {
        let c = pattern[position]
        position += 1
        if c == UInt8(ascii: "-") {
            token = .bracketDash
        } else if c == UInt8(ascii: "[") {
            guard position < pattern.count else { throw .invalid }
            switch pattern[position] {
            case UInt8(ascii: "."): token = .collatingSymbol
            case UInt8(ascii: ":"): token = .characterClass
            case UInt8(ascii: "="): token = .equivalenceClass
            default: token = .ordinary(c)
            }
            if token != .ordinary(c) {
                let close = pattern[position]
                position += 1
                try readClassName(until: close)
            }
        } else if c == UInt8(ascii: "]") && !atBracketStart {
            token = .bracketEnd
            mode = .normal
        } else {
            token = .ordinary(c)
        }
        atBracketStart = false
    }

    /// Reads `name` of `[:name:]`, `[.name.]` or `[=name=]` (the opening part is read).
    private mutating func readClassName(until close: UInt8) throws(NixRegex.CompileError) {
        value = []
        while position < pattern.count && pattern[position] != close {
            value.append(pattern[position])
            position += 1
        }
        guard position + 1 < pattern.count, pattern[position] == close, pattern[position + 1] == UInt8(ascii: "]") else {
            throw .invalid
        }
        position += 2
    }

    private mutating func scanBrace() throws(NixRegex.CompileError) {
        let c = pattern[position]
        position += 1
        if c.isASCIIDigit {
            token = .dupCount
            value = [c]
            while position < pattern.count && pattern[position].isASCIIDigit {
                value.append(pattern[position])
                position += 1
            }
        } else if c == UInt8(ascii: ",") {
            token = .comma
        } else if c == UInt8(ascii: "}") {
            mode = .normal
            token = .intervalEnd
        } else {
            throw .invalid
        }
    }

    /// A repeat count as libstdc++ reads it: accumulated in 64 bits, then
    /// narrowed to a C int (so 4294967297 reads as 1).
    static func count(_ digits: [UInt8]) -> Int {
        var v: Int64 = 0
        for d in digits { v = v &* 10 &+ Int64(d &- 0x30) }
        return Int(Int32(truncatingIfNeeded: v))
    }
}
