// Repetition operators and bracket expressions of Nix's regular
// expressions, built into automaton states the way libstdc++ builds them:
// `e{n,m}` is n copies of `e` followed by m-n optional copies (so large
// counts hit the state limit exactly where Nix's do), a range compares bytes
// as signed chars (so `[a-é]` is refused, as in Nix), and classes, collating
// symbols and equivalence classes follow the "C" locale.

extension RegexCompiler {
    mutating func quantifier() throws(Error) -> Bool {
        if try match(.star) {
            var e = pop()
            let r = try insert(.repetition, alt: e.start)
            append(&e, r)
            stack.append(RegexSequence(start: r, end: r))
            return true
        }
        if try match(.plus) {
            var e = pop()
            append(&e, try insert(.repetition, alt: e.start))
            stack.append(e)
            return true
        }
        if try match(.question) {
            var e = pop()
            let end = try insert(.dummy)
            let r = try insert(.repetition, alt: e.start)
            append(&e, end)
            var seq = RegexSequence(start: r, end: r)
            append(&seq, end)
            stack.append(seq)
            return true
        }
        guard try match(.intervalBegin) else { return false }
        guard scanner.token == .dupCount else { throw .invalid }
        let minimum = RegexScanner.count(scanner.value)
        try scanner.advance()
        let r = pop()
        var e = RegexSequence(start: try insert(.dummy), end: 0)
        e.end = e.start
        var unbounded = false
        var optional = 0
        if try match(.comma) {
            if scanner.token == .dupCount {
                optional = RegexScanner.count(scanner.value) - minimum
                try scanner.advance()
            } else {
                unbounded = true
            }
        }
        guard try match(.intervalEnd) else { throw .invalid }
        var i = 0
        while i < minimum {
            append(&e, try clone(r))
            i += 1
        }
        if unbounded {
            var copy = try clone(r)
            let s = try insert(.repetition, alt: copy.start)
            append(&copy, s)
            append(&e, RegexSequence(start: s, end: s))
        } else {
            if optional < 0 { throw .invalid }
            let end = try insert(.dummy)
            var branches: [Int] = []
            for _ in 0..<optional {
                let copy = try clone(r)
                // The branch skips to `end` or takes the copy (tried first).
                let branch = try insert(.repetition, next: end, alt: copy.start)
                branches.append(branch)
                append(&e, RegexSequence(start: branch, end: copy.end))
            }
            append(&e, end)
        }
        stack.append(e)
        return true
    }

    // MARK: Brackets

    struct BracketSet {
        var bytes = ByteSet()
        var ranges: [(Int8, Int8)] = []
        var classes: CharacterClass = []
        var equivalents: [UInt8] = []

        func matches(_ c: UInt8) -> Bool {
            if bytes.contains(c) { return true }
            let signed = Int8(bitPattern: c)
            for (lo, hi) in ranges where lo <= signed && signed <= hi { return true }
            if !classes.isEmpty && classes.contains(c) { return true }
            if equivalents.contains(c.asciiLowercased) { return true }
            return false
        }
    }

    mutating func bracketExpression() throws(Error) {
        let negated = scanner.token == .bracketNegatedBegin
        try scanner.advance()
        var set = BracketSet()
        var last: UInt8? = nil
        if case .ordinary(let c) = scanner.token {
            try scanner.advance()
            last = c
        } else if try match(.bracketDash) {
            last = UInt8(ascii: "-")
        }
        while try expressionTerm(&last, &set) {}
        if let l = last { set.bytes.insert(l) }
        var table = ByteSet()
        for b in 0...255 {
            let c = UInt8(b)
            if set.matches(c) != negated { table.insert(c) }
        }
        push(try insert(.set(table)))
    }

    private mutating func expressionTerm(_ last: inout UInt8?, _ set: inout BracketSet) throws(Error) -> Bool {
        if try match(.bracketEnd) { return false }
        func pushChar(_ c: UInt8) {
            if let l = last { set.bytes.insert(l) }
            last = c
        }
        func flush() {
            if let l = last { set.bytes.insert(l) }
            last = nil
        }
        switch scanner.token {
        case .collatingSymbol:
            guard let c = RegexNames.collatingElement(scanner.value) else { throw .invalid }
            try scanner.advance()
            set.bytes.insert(c)
            pushChar(c)
        case .equivalenceClass:
            guard let c = RegexNames.collatingElement(scanner.value) else { throw .invalid }
            try scanner.advance()
            flush()
            set.equivalents.append(c.asciiLowercased)
        case .characterClass:
            guard let cls = RegexNames.characterClass(scanner.value) else { throw .invalid }
            try scanner.advance()
            flush()
            set.classes.formUnion(cls)
        case .ordinary(let c):
            try scanner.advance()
            pushChar(c)
        case .bracketDash:
            try scanner.advance()
            if try match(.bracketEnd) {
                pushChar(UInt8(ascii: "-"))
                return false
            }
            guard let l = last else { throw .invalid }
            let high: UInt8
            if case .ordinary(let c) = scanner.token {
                try scanner.advance()
                high = c
            } else if try match(.bracketDash) {
                high = UInt8(ascii: "-")
            } else {
                throw .invalid
            }
            if Int8(bitPattern: l) > Int8(bitPattern: high) { throw .invalid }
            set.ranges.append((Int8(bitPattern: l), Int8(bitPattern: high)))
            last = nil
        default:
            throw .invalid
        }
        return true
    }
}

/// The classes of `[:name:]` in the "C" locale.
struct CharacterClass: OptionSet {
    let rawValue: UInt16
    static let upper = CharacterClass(rawValue: 1 << 0)
    static let lower = CharacterClass(rawValue: 1 << 1)
    static let digit = CharacterClass(rawValue: 1 << 2)
    static let space = CharacterClass(rawValue: 1 << 3)
    static let blank = CharacterClass(rawValue: 1 << 4)
    static let cntrl = CharacterClass(rawValue: 1 << 5)
    static let punct = CharacterClass(rawValue: 1 << 6)
    static let xdigit = CharacterClass(rawValue: 1 << 7)
    static let print = CharacterClass(rawValue: 1 << 8)
    static let graph = CharacterClass(rawValue: 1 << 9)
    static let underscore = CharacterClass(rawValue: 1 << 10)
    static let alpha: CharacterClass = [.upper, .lower]
    static let alnum: CharacterClass = [.upper, .lower, .digit]

    /// Whether byte `c` belongs to any class of the set.
    func contains(_ c: UInt8) -> Bool {
        var have: CharacterClass = []
        switch c {
        case 0x41...0x5A: have = [.upper, .print, .graph]
        case 0x61...0x7A: have = [.lower, .print, .graph]
        case 0x30...0x39: have = [.digit, .print, .graph]
        case 0x20: have = [.space, .blank, .print]
        case 0x09: have = [.space, .blank, .cntrl]
        case 0x0A...0x0D: have = [.space, .cntrl]
        case 0x00...0x1F, 0x7F: have = [.cntrl]
        case 0x21...0x7E: have = [.punct, .print, .graph]
        default: have = []
        }
        if (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) { have.insert(.xdigit) }
        if c == UInt8(ascii: "_") { have.insert(.underscore) }
        return !intersection(have).isEmpty
    }
}

extension UInt8 {
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}
