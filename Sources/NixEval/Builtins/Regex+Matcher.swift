// Running a compiled regular expression the way Nix 2.8's does: a
// depth-first walk of the automaton in which both sides of every `|` are
// tried and the first path reaching the longest end wins, a loop tries one
// more round before stopping (and stops only if that round found nothing),
// and a loop may take at most one empty round at a position. Groups keep
// the text of their last round. The walk keeps its own stack, so long
// subjects cannot overflow the native one, and it counts its steps so a
// pattern that would take practically forever fails instead of hanging.

extension NixRegex {
    /// Positions of groups: `bounds[2g]`/`bounds[2g+1]`, `-1` when the group did not take part.
    struct Match {
        var bounds: [Int]

        func group(_ g: Int) -> Range<Int>? {
            let lo = bounds[2 * g], hi = bounds[2 * g + 1]
            if lo < 0 || hi < 0 { return nil }
            return lo..<max(lo, hi)
        }
    }

    struct TooComplex: Error {}

    /// How many automaton steps one call of `match` or `split` may take
    /// (some ten seconds; Nix itself would take as long or longer).
    static let stepBudget = 1_000_000_000
}

/// One walk over one subject; reused for the successive searches of `split`.
/// It copies what it reads millions of times into raw memory, so the loop
/// does no reference counting and no bounds checks on its hot path; every
/// index it uses comes from the compiled automaton or is checked against
/// the subject's length.
final class RegexExecutor {
    /// Work left to do after a branch is explored.
    private struct Frame {
        enum Kind: UInt8 {
            case visit, alternativeSecond, alternativeFinish, repetitionLess, restoreRepetition,
                 decrementRepetition, restoreStart, restoreEnd
        }
        var kind: Kind
        /// A state, or a group.
        var a: Int32
        /// A position, a saved position, or a saved flag.
        var b: Int
        /// A saved repetition count.
        var c: Int = 0
    }

    private let stateCount: Int
    private let kinds: UnsafeMutablePointer<UInt8>
    private let next: UnsafeMutablePointer<Int32>
    private let alt: UnsafeMutablePointer<Int32>
    private let argument: UnsafeMutablePointer<Int32>
    private let sets: [ByteSet]
    private let startState: Int32
    private let groupCount: Int
    private let input: UnsafeMutablePointer<UInt8>
    private let end: Int
    private var begin = 0
    private var exact = false
    private var notNull = false
    private var previousAvailable = false
    private let current: UnsafeMutablePointer<Int>
    private var results: [Int]
    private var hasSolution = false
    private var solutionEnd = -1
    private let repetitionPosition: UnsafeMutablePointer<Int>
    private let repetitionCount: UnsafeMutablePointer<Int>
    private var frames: UnsafeMutablePointer<Frame>
    private var frameCount = 0
    private var frameCapacity = 64
    private(set) var steps = 0
    private let budget: Int

    init(_ regex: NixRegex, _ subject: [UInt8], budget: Int = NixRegex.stepBudget) {
        self.budget = budget
        let program = regex.program
        stateCount = program.kinds.count
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
            if !a.isEmpty { p.initialize(from: a, count: a.count) }
            return p
        }
        kinds = copy(program.kinds)
        next = copy(program.next)
        alt = copy(program.alt)
        argument = copy(program.argument)
        sets = program.sets
        startState = program.start
        groupCount = regex.groupCount
        input = copy(subject)
        end = subject.count
        current = copy([Int](repeating: -1, count: 2 * regex.groupCount))
        results = [Int](repeating: -1, count: 2 * regex.groupCount)
        repetitionPosition = copy([Int](repeating: -1, count: stateCount))
        repetitionCount = copy([Int](repeating: 0, count: stateCount))
        frames = UnsafeMutablePointer<Frame>.allocate(capacity: frameCapacity)
    }

    deinit {
        kinds.deallocate()
        next.deallocate()
        alt.deallocate()
        argument.deallocate()
        input.deallocate()
        current.deallocate()
        repetitionPosition.deallocate()
        repetitionCount.deallocate()
        frames.deallocate()
    }

    /// `std::regex_match`: the whole subject.
    func matchWhole() throws(NixRegex.TooComplex) -> NixRegex.Match? {
        begin = 0
        exact = true
        notNull = false
        previousAvailable = false
        return try run() ? NixRegex.Match(bounds: results) : nil
    }

    /// `std::regex_search` from `start` with the flags the iterator of `split` uses.
    func search(from start: Int, notNull: Bool = false, continuous: Bool = false,
                previousAvailable: Bool) throws(NixRegex.TooComplex) -> NixRegex.Match? {
        exact = false
        begin = start
        self.notNull = notNull
        self.previousAvailable = previousAvailable
        if try run() { return NixRegex.Match(bounds: results) }
        if continuous { return nil }
        self.previousAvailable = true
        while begin < end {
            begin += 1
            if try run() { return NixRegex.Match(bounds: results) }
        }
        return nil
    }

    @inline(__always)
    private func push(_ f: Frame) {
        if frameCount == frameCapacity {
            let bigger = UnsafeMutablePointer<Frame>.allocate(capacity: frameCapacity * 2)
            bigger.moveInitialize(from: frames, count: frameCount)
            frames.deallocate()
            frames = bigger
            frameCapacity *= 2
        }
        (frames + frameCount).initialize(to: f)
        frameCount += 1
    }

    private func run() throws(NixRegex.TooComplex) -> Bool {
        hasSolution = false
        solutionEnd = -1
        for i in 0..<(2 * groupCount) { current[i] = -1 }
        frameCount = 0
        guard startState >= 0 else { return false }
        push(Frame(kind: .visit, a: startState, b: begin))
        while frameCount > 0 {
            frameCount -= 1
            let f = (frames + frameCount).move()
            switch f.kind {
            case .visit:
                try visit(f.a, f.b)
            case .alternativeSecond:
                push(Frame(kind: .alternativeFinish, a: 0, b: hasSolution ? 1 : 0))
                hasSolution = false
                try visit(f.a, f.b)
            case .alternativeFinish:
                hasSolution = hasSolution || f.b != 0
            case .repetitionLess:
                if !hasSolution { try visit(f.a, f.b) }
            case .restoreRepetition:
                repetitionPosition[Int(f.a)] = f.b
                repetitionCount[Int(f.a)] = f.c
            case .decrementRepetition:
                repetitionCount[Int(f.a)] -= 1
            case .restoreStart:
                current[2 * Int(f.a)] = f.b
            case .restoreEnd:
                current[2 * Int(f.a) + 1] = f.b
            }
        }
        return hasSolution
    }

    /// Follows the automaton from state `start` at `position`; what remains
    /// to be tried afterwards is pushed as frames.
    private func visit(_ start: Int32, _ position: Int) throws(NixRegex.TooComplex) {
        var s = Int(start)
        var p = position
        while s >= 0 && s < stateCount {
            steps &+= 1
            if steps > budget { throw NixRegex.TooComplex() }
            switch RegexProgram.Kind(rawValue: kinds[s]) ?? .accept {
            case .char:
                guard p < end && Int32(input[p]) == argument[s] else { return }
                p += 1
                s = Int(next[s])
            case .any:
                guard p < end && input[p] != 0 else { return }
                p += 1
                s = Int(next[s])
            case .set:
                guard p < end && sets[Int(argument[s])].contains(input[p]) else { return }
                p += 1
                s = Int(next[s])
            case .alternative:
                push(Frame(kind: .alternativeSecond, a: next[s], b: p))
                s = Int(alt[s])
            case .repetition:
                push(Frame(kind: .repetitionLess, a: next[s], b: p))
                // One more round; a round that starts where the last one did may happen only once more.
                if repetitionCount[s] == 0 || repetitionPosition[s] != p {
                    push(Frame(kind: .restoreRepetition, a: Int32(s), b: repetitionPosition[s], c: repetitionCount[s]))
                    repetitionPosition[s] = p
                    repetitionCount[s] = 1
                } else if repetitionCount[s] < 2 {
                    push(Frame(kind: .decrementRepetition, a: Int32(s), b: 0))
                    repetitionCount[s] += 1
                } else {
                    return
                }
                s = Int(alt[s])
            case .groupBegin:
                let g = Int(argument[s])
                push(Frame(kind: .restoreStart, a: Int32(g), b: current[2 * g]))
                current[2 * g] = p
                s = Int(next[s])
            case .groupEnd:
                let g = Int(argument[s])
                push(Frame(kind: .restoreEnd, a: Int32(g), b: current[2 * g + 1]))
                current[2 * g + 1] = p
                s = Int(next[s])
            case .lineBegin:
                guard p == begin && !previousAvailable else { return }
                s = Int(next[s])
            case .lineEnd:
                guard p == end else { return }
                s = Int(next[s])
            case .accept:
                accept(p)
                return
            }
        }
    }

    private func accept(_ p: Int) {
        hasSolution = exact ? p == end : true
        if p == begin && notNull { hasSolution = false }
        guard hasSolution else { return }
        // Only a strictly longer match replaces the first one found.
        if solutionEnd < 0 || solutionEnd < p {
            solutionEnd = p
            results = Array(UnsafeBufferPointer(start: current, count: 2 * groupCount))
        }
    }
}
