// Names used inside bracket expressions of Nix's regular expressions:
// character classes (`[:alpha:]`, also `d`, `w`, `s`, any letter case) and
// the POSIX names of the 128 ASCII characters for `[.name.]` and `[=name=]`
// (a single byte is only its own name when it is a letter).

enum RegexNames {
    static func characterClass(_ name: [UInt8]) -> CharacterClass? {
        switch String(decoding: name.map(\.asciiLowercased), as: UTF8.self) {
        case "d", "digit": return .digit
        case "w": return [.alnum, .underscore]
        case "s", "space": return .space
        case "alnum": return .alnum
        case "alpha": return .alpha
        case "blank": return .blank
        case "cntrl": return .cntrl
        case "graph": return .graph
        case "lower": return .lower
        case "print": return .print
        case "punct": return .punct
        case "upper": return .upper
        case "xdigit": return .xdigit
        default: return nil
        }
    }

    static func collatingElement(_ name: [UInt8]) -> UInt8? {
        let s = String(decoding: name, as: UTF8.self)
        guard let i = names.firstIndex(of: s) else { return nil }
        return UInt8(i)
    }

    /// Index = the character's code.
    private static var names: [String] { [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "alert", "backspace", "tab", "newline", "vertical-tab",
        "form-feed", "carriage-return", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN",
        "EM", "SUB", "ESC", "IS4", "IS3", "IS2", "IS1", "space", "exclamation-mark", "quotation-mark", "number-sign",
        "dollar-sign", "percent-sign", "ampersand", "apostrophe", "left-parenthesis", "right-parenthesis", "asterisk",
        "plus-sign", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "colon", "semicolon", "less-than-sign", "equals-sign", "greater-than-sign",
        "question-mark", "commercial-at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
        "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "left-square-bracket", "backslash",
        "right-square-bracket", "circumflex", "underscore", "grave-accent", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
        "left-curly-bracket", "vertical-line", "right-curly-bracket", "tilde", "DEL",
    ] }
}
