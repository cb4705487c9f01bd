// Regular expressions as Nix 2.8 has them: POSIX extended syntax read and
// compiled the way the C++ standard library of Nix's build (libstdc++,
// `std::regex::extended`) reads and compiles it, so that the same patterns
// are accepted or refused and the same automaton is built. Nix's matching
// rules (which alternative wins, what a group holds after a loop) follow
// from that automaton and the matcher in Regex+Matcher.swift; POSIX's
// regcomp/regexec differ from them on captures and are not used.
//
// What this file does not do: ECMAScript/basic syntaxes, back-references
// (not part of the extended syntax), locales other than "C".

/// A 256-bit set of bytes.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}

/// A compiled pattern: an automaton of states linked by `next` and, for
/// alternatives and repeats, `alt` (the branch tried first).
struct NixRegex: Sendable {
    enum Op: Sendable {
        case char(UInt8)
        /// `.`: any byte but NUL.
        case any
        case set(ByteSet)
        case dummy
        case alternative
        case repetition
        case groupBegin(Int)
        case groupEnd(Int)
        case lineBegin
        case lineEnd
        case accept
    }

    struct State: Sendable {
        var op: Op
        var next: Int32 = -1
        var alt: Int32 = -1

        var hasAlt: Bool {
            switch op {
            case .alternative, .repetition: return true
            default: return false
            }
        }
    }

    let states: [State]
    let start: Int
    /// Number of groups, the whole match (group 0) included.
    let groupCount: Int
    /// The automaton in the flat form the matcher runs.
    let program: RegexProgram

    enum CompileError: Error {
        /// The pattern is not valid syntax.
        case invalid
        /// The automaton would exceed the standard library's state limit.
        case tooLarge
    }

    /// The state limit of Nix's regex implementation.
    static let stateLimit = 100_000

    init(compiling pattern: String) throws(CompileError) {
        try self.init(compiling: Array(pattern.utf8))
    }

    /// A pattern is bytes, like the strings it matches: it need not be UTF-8.
    init(compiling pattern: [UInt8]) throws(CompileError) {
        var compiler = RegexCompiler(pattern)
        try compiler.compile()
        states = compiler.states
        start = compiler.start
        groupCount = compiler.groupCount
        program = RegexProgram(states, start: start)
    }
}

/// A sequence of states from `start` to `end` (whose `next` is still open).
struct RegexSequence {
    var start: Int
    var end: Int
}

struct RegexCompiler {
    typealias Error = NixRegex.CompileError
    var states: [NixRegex.State] = []
    var groupCount = 0
    var start = 0
    var scanner: RegexScanner
    var stack: [RegexSequence] = []
    var parenStack: [Int] = []
    private var depth = 0
    /// Deeper group nesting is refused rather than recursed into.
    private static let maxDepth = 1_000

    init(_ pattern: [UInt8]) { scanner = RegexScanner(pattern) }

    mutating func compile() throws(Error) {
        try scanner.advance()
        var r = RegexSequence(start: try insert(.groupBegin(newGroup())), end: 0)
        r.end = r.start
        try disjunction()
        guard try match(.eof) else { throw .invalid }
        append(&r, pop())
        append(&r, try insert(.groupEnd(closeGroup())))
        append(&r, try insert(.accept))
        start = r.start
    }

    // MARK: Building blocks

    private mutating func newGroup() -> Int {
        parenStack.append(groupCount)
        groupCount += 1
        return groupCount - 1
    }

    /// Groups close in the reverse order they opened.
    private mutating func closeGroup() -> Int {
        parenStack.popLast() ?? 0
    }

    mutating func insert(_ op: NixRegex.Op, next: Int = -1, alt: Int = -1) throws(Error) -> Int {
        states.append(NixRegex.State(op: op, next: Int32(next), alt: Int32(alt)))
        if states.count > NixRegex.stateLimit { throw .tooLarge }
        return states.count - 1
    }

    mutating func append(_ seq: inout RegexSequence, _ id: Int) {
        states[seq.end].next = Int32(id)
        seq.end = id
    }

    mutating func append(_ seq: inout RegexSequence, _ other: RegexSequence) {
        states[seq.end].next = Int32(other.start)
        seq.end = other.end
    }

    mutating func pop() -> RegexSequence {
        stack.popLast() ?? RegexSequence(start: 0, end: 0)
    }

    mutating func push(_ id: Int) { stack.append(RegexSequence(start: id, end: id)) }

    mutating func match(_ token: RegexScanner.Token) throws(Error) -> Bool {
        guard scanner.token == token else { return false }
        try scanner.advance()
        return true
    }

    /// Copies the states of `seq` (following links, but not past its end).
    mutating func clone(_ seq: RegexSequence) throws(Error) -> RegexSequence {
        var map: [Int: Int] = [:]
        var pending = [seq.start]
        while let u = pending.popLast() {
            let dup = states[u]
            map[u] = try insert(dup.op, next: Int(dup.next), alt: Int(dup.alt))
            if dup.hasAlt && dup.alt >= 0 && map[Int(dup.alt)] == nil { pending.append(Int(dup.alt)) }
            if u == seq.end { continue }
            if dup.next >= 0 && map[Int(dup.next)] == nil { pending.append(Int(dup.next)) }
        }
        for (_, copy) in map {
            if states[copy].next >= 0, let n = map[Int(states[copy].next)] { states[copy].next = Int32(n) }
            if states[copy].hasAlt && states[copy].alt >= 0, let a = map[Int(states[copy].alt)] { states[copy].alt = Int32(a) }
        }
        return RegexSequence(start: map[seq.start] ?? seq.start, end: map[seq.end] ?? seq.end)
    }

    // MARK: Grammar

    private mutating func disjunction() throws(Error) {
        try alternative()
        while try match(.or) {
            var left = pop()
            try alternative()
            var right = pop()
            let end = try insert(.dummy)
            append(&left, end)
            append(&right, end)
            let branch = try insert(.alternative, next: right.start, alt: left.start)
            stack.append(RegexSequence(start: branch, end: end))
        }
    }

    /// Terms one after another, closed by an empty state.
    private mutating func alternative() throws(Error) {
        var terms: [RegexSequence] = []
        while try term() { terms.append(pop()) }
        terms.append(RegexSequence(start: try insert(.dummy), end: 0))
        terms[terms.count - 1].end = terms[terms.count - 1].start
        var seq = terms[0]
        for t in terms.dropFirst() { append(&seq, t) }
        stack.append(seq)
    }

    private mutating func term() throws(Error) -> Bool {
        if try match(.lineBegin) { push(try insert(.lineBegin)); return true }
        if try match(.lineEnd) { push(try insert(.lineEnd)); return true }
        guard try atom() else { return false }
        while try quantifier() {}
        return true
    }

    private mutating func atom() throws(Error) -> Bool {
        if try match(.anyChar) {
            push(try insert(.any))
            return true
        }
        if case .ordinary(let c) = scanner.token {
            try scanner.advance()
            push(try insert(.char(c)))
            return true
        }
        if try match(.groupBegin) {
            depth += 1
            if depth > Self.maxDepth { throw .invalid }
            var r = RegexSequence(start: try insert(.groupBegin(newGroup())), end: 0)
            r.end = r.start
            try disjunction()
            guard try match(.groupEnd) else { throw .invalid }
            depth -= 1
            append(&r, pop())
            append(&r, try insert(.groupEnd(closeGroup())))
            stack.append(r)
            return true
        }
        if scanner.token == .bracketBegin || scanner.token == .bracketNegatedBegin {
            try bracketExpression()
            return true
        }
        return false
    }
}
