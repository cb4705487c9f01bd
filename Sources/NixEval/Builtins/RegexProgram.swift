// The automaton of a compiled pattern flattened into plain arrays, with the
// empty (dummy) states bypassed, which is what the matcher walks millions of
// times: no enum payloads to copy, no reference counting in the loop.

struct RegexProgram: Sendable {
    enum Kind: UInt8 {
        case char, any, set, alternative, repetition, groupBegin, groupEnd, lineBegin, lineEnd, accept
    }

    var kinds: [UInt8] = []
    var next: [Int32] = []
    var alt: [Int32] = []
    /// The byte of `char`, the index into `sets` of `set`, the group of `groupBegin`/`groupEnd`.
    var argument: [Int32] = []
    var sets: [ByteSet] = []
    var start: Int32 = -1

    init(_ states: [NixRegex.State], start: Int) {
        let n = states.count
        kinds.reserveCapacity(n)
        // The first non-empty state reached from `id` (-1 if none).
        func resolve(_ id: Int32) -> Int32 {
            var id = id
            var hops = 0
            while id >= 0, Int(id) < n, case .dummy = states[Int(id)].op {
                id = states[Int(id)].next
                hops += 1
                if hops > n { return -1 }
            }
            return Int(id) < n ? id : -1
        }
        for state in states {
            var kind = Kind.accept
            var arg: Int32 = 0
            switch state.op {
            case .char(let c): kind = .char; arg = Int32(c)
            case .any: kind = .any
            case .set(let table): kind = .set; arg = Int32(sets.count); sets.append(table)
            case .dummy: kind = .accept  // never reached: every link bypasses dummies
            case .alternative: kind = .alternative
            case .repetition: kind = .repetition
            case .groupBegin(let g): kind = .groupBegin; arg = Int32(g)
            case .groupEnd(let g): kind = .groupEnd; arg = Int32(g)
            case .lineBegin: kind = .lineBegin
            case .lineEnd: kind = .lineEnd
            case .accept: kind = .accept
            }
            kinds.append(kind.rawValue)
            next.append(resolve(state.next))
            alt.append(state.hasAlt ? resolve(state.alt) : -1)
            argument.append(arg)
        }
        self.start = resolve(Int32(start))
    }
}
