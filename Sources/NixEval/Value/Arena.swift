// Where the value graph lives: thunks, sets, lists, functions, strings and
// environments are cells carved out of large blocks, one chain of blocks per
// kind of cell, and none is freed on its own. A value is
// then a plain pointer that copies without counting references, which is
// what an evaluation mostly does: every variable read, argument, list element
// and attribute is a copy of a Value. Counting references cost a third of an
// evaluation's instructions, and freeing most of another fifth.
//
// Allocation goes to the current arena (in debug builds each thread has
// its own; release builds have one, below). `Arena.scoped` makes a fresh one
// current for the length of a call and frees all of it at the end (running
// each cell's deinitializer, which releases what the cell holds: an array, a
// String, a closure). Nothing made in the scope may be used
// after it: `Instantiate.runHere` evaluates in a scope and returns only
// bytes. Outside any scope a thread allocates from an arena that is never
// freed; `roost eval` works there, as the process exits right after, as Nix
// does, whose collector does not run during a short evaluation.
//
// Environments (Env) and sets (their storage and attributes) are plain data
// (`_isPOD`): they
// go in a chain of cells of any size, with nothing to deinitialize.
//
// What an evaluation keeps includes its garbage: `foldl' (acc: x: acc ++ [x])`
// over n elements keeps n lists of up to n elements. Each arena counts the
// bytes of its blocks and of the lists and strings made in it; past its limit
// (half the machine's memory) the evaluator stops with an error
// (`Evaluator.checkMemory`) instead of being killed by the system.
//
// Release builds evaluate on one thread at a time, which is why their
// current arena is one global, and why NixEval counts the references it
// still counts (compiled code, arrays, strings) without atomics there
// (Package.swift compiles it with -assume-single-threaded). NixEval keeps
// evaluators apart so that running several at once stays an option: builtin
// tables are built afresh for each evaluator, caches are per evaluator, no
// static arrays are stored. Debug builds, which the tests use and which run
// many evaluators at once, count atomically and keep an arena per thread.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a cell holds. Each kind has blocks of its own, so that a cell needs
/// no header and freeing an arena knows how to deinitialize every cell.
@usableFromInline enum CellKind: Int, CaseIterable {
    case thunk, string, path, closure, primOp, primOpApp, list
    /// Cells of any size holding plain data only (environments, sets).
    case raw

    /// Bytes per cell of this kind: its type's stride, so that a block's
    /// cells are an array of that type.
    var cellSize: Int {
        switch self {
        case .thunk: Arena.cellSize(Thunk.Repr.self)
        case .string: Arena.cellSize(NixString.Parts.self)
        case .path: Arena.cellSize(String.self)
        case .closure: Arena.cellSize(Closure.Parts.self)
        case .primOp: Arena.cellSize(PrimOp.Parts.self)
        case .primOpApp: Arena.cellSize(PrimOpApp.Parts.self)
        case .list: Arena.cellSize([Value].self)
        case .raw: 8
        }
    }

    /// Deinitializes the `count` cells from `first` on.
    func deinitialize(_ first: UnsafeMutableRawPointer, count: Int) {
        switch self {
        case .thunk: first.assumingMemoryBound(to: Thunk.Repr.self).deinitialize(count: count)
        case .string: first.assumingMemoryBound(to: NixString.Parts.self).deinitialize(count: count)
        case .path: first.assumingMemoryBound(to: String.self).deinitialize(count: count)
        case .closure: first.assumingMemoryBound(to: Closure.Parts.self).deinitialize(count: count)
        case .primOp: first.assumingMemoryBound(to: PrimOp.Parts.self).deinitialize(count: count)
        case .primOpApp: first.assumingMemoryBound(to: PrimOpApp.Parts.self).deinitialize(count: count)
        case .list: first.assumingMemoryBound(to: [Value].self).deinitialize(count: count)
        case .raw: break
        }
    }
}

@usableFromInline enum Arena {
    /// The blocks of one kind of cell, the last one being filled.
    @usableFromInline struct Chain {
        @usableFromInline var next: UnsafeMutableRawPointer
        @usableFromInline var left: Int
        /// The block being filled; each block starts with a `BlockHeader`.
        var block: UnsafeMutableRawPointer?
    }

    /// One arena: a chain per kind of cell, and what it has used.
    @usableFromInline struct State {
        /// `CellKind.allCases.count` chains, indexed by the kind.
        @usableFromInline let chains: UnsafeMutablePointer<Chain>
        /// Bytes of blocks, list elements and string text made in this arena.
        @usableFromInline var charged: Int = 0
        @usableFromInline var limit: Int = Arena.defaultLimit
    }

    /// The start of every block.
    struct BlockHeader {
        var previous: UnsafeMutableRawPointer?
        /// Where the block's cells end (set when the next block starts).
        var end: UnsafeMutableRawPointer?
    }

    static let blockSize = 1 << 18
    static let headerSize = (MemoryLayout<BlockHeader>.size + 15) & ~15

    @inline(__always) @usableFromInline
    static func cellSize<T>(_ type: T.Type) -> Int { MemoryLayout<T>.stride }

    /// Half of the machine's memory (at least 1 GiB).
    @usableFromInline static let defaultLimit: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 1 << 32 }
        return Swift.max(pages.multipliedReportingOverflow(by: size).partialValue / 2, 1 << 30)
    }()

    /// Counts `bytes` held outside the blocks (a list's elements, a string's text).
    @inline(__always) @usableFromInline
    static func charge(_ bytes: Int) {
        current.pointee.charged &+= bytes
    }

    /// Whether the current arena holds more than its limit.
    @inline(__always)
    static var isOverLimit: Bool {
        let c = current
        return c.pointee.charged > c.pointee.limit
    }

    /// The current arena's limit in bytes.
    static var limit: Int { current.pointee.limit }

    #if DEBUG
    /// The thread's current arena (its `State`).
    static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    @inline(__always) @usableFromInline
    static var current: UnsafeMutablePointer<State> {
        if let p = pthread_getspecific(key) { return p.assumingMemoryBound(to: State.self) }
        let state = newState()
        pthread_setspecific(key, state)
        return state
    }

    @inline(__always)
    static func setCurrent(_ state: UnsafeMutablePointer<State>) { pthread_setspecific(key, state) }
    #else
    /// In release builds, where one thread evaluates at a time, the current
    /// arena is one global (a thread-local lookup on every allocation cost
    /// 5% of an evaluation). Nil until the first allocation (a constant, so
    /// reading it needs no lazy-initialization check).
    @usableFromInline nonisolated(unsafe) static var currentOrNil: UnsafeMutablePointer<State>? = nil

    @inline(__always) @usableFromInline
    static var current: UnsafeMutablePointer<State> {
        if let c = currentOrNil { return c }
        let state = newState()
        currentOrNil = state
        return state
    }

    @inline(__always)
    static func setCurrent(_ state: UnsafeMutablePointer<State>) { currentOrNil = state }
    #endif

    @usableFromInline
    static func newState() -> UnsafeMutablePointer<State> {
        let kinds = CellKind.allCases.count
        let chains = UnsafeMutablePointer<Chain>.allocate(capacity: kinds)
        // No room in an empty chain: the first cell starts a block.
        chains.initialize(repeating: Chain(next: UnsafeMutableRawPointer(bitPattern: 16)!, left: 0, block: nil), count: kinds)
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(chains: chains))
        return state
    }

    /// Uninitialized memory for one `T` (at most 16-byte aligned) in the
    /// current arena's chain of `kind`, which must be the kind of `T`.
    @inline(__always) @usableFromInline
    static func allocate<T>(_ type: T.Type, _ kind: CellKind) -> UnsafeMutablePointer<T> {
        let size = cellSize(T.self)
        let state = current
        let chain = state.pointee.chains + kind.rawValue
        let p: UnsafeMutableRawPointer
        if size <= chain.pointee.left {
            p = chain.pointee.next
            chain.pointee.next = p + size
            chain.pointee.left &-= size
        } else {
            p = refill(state, chain, size)
        }
        return p.assumingMemoryBound(to: T.self)
    }

    /// Uninitialized memory of `bytes` bytes (rounded up to 16), 16-byte
    /// aligned, in the current arena's chain of plain data: nothing in it is
    /// deinitialized.
    @inline(__always) @usableFromInline
    static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        let size = (bytes &+ 15) & ~15
        let state = current
        let chain = state.pointee.chains + CellKind.raw.rawValue
        if size <= chain.pointee.left {
            let p = chain.pointee.next
            chain.pointee.next = p + size
            chain.pointee.left &-= size
            return p
        }
        return refill(state, chain, size)
    }

    /// Starts a new block in `chain` for a cell of `size` bytes.
    @inline(never) @usableFromInline
    static func refill(_ state: UnsafeMutablePointer<State>, _ chain: UnsafeMutablePointer<Chain>, _ size: Int) -> UnsafeMutableRawPointer {
        if size > blockSize / 4 {
            // A big cell (only plain data can be) gets a block of its own,
            // linked in under the block being filled.
            let big = UnsafeMutableRawPointer.allocate(byteCount: headerSize &+ size, alignment: 16)
            state.pointee.charged &+= headerSize &+ size
            if let current = chain.pointee.block {
                let h = current.assumingMemoryBound(to: BlockHeader.self)
                big.initializeMemory(as: BlockHeader.self, repeating: BlockHeader(previous: h.pointee.previous, end: big + headerSize + size), count: 1)
                h.pointee.previous = big
            } else {
                big.initializeMemory(as: BlockHeader.self, repeating: BlockHeader(previous: nil, end: nil), count: 1)
                chain.pointee.block = big
                chain.pointee.next = big + headerSize + size
                chain.pointee.left = 0
            }
            return big + headerSize
        }
        let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        state.pointee.charged &+= blockSize
        if let old = chain.pointee.block {
            old.assumingMemoryBound(to: BlockHeader.self).pointee.end = chain.pointee.next
        }
        block.initializeMemory(as: BlockHeader.self, repeating: BlockHeader(previous: chain.pointee.block, end: nil), count: 1)
        chain.pointee.block = block
        let first = block + headerSize
        chain.pointee.next = first + size
        chain.pointee.left = blockSize - headerSize - size
        return first
    }

    /// `body` with a fresh arena, freed when it returns: nothing made in it
    /// may be used afterwards.
    static func scoped<R>(limit: Int? = nil, _ body: () throws -> R) rethrows -> R {
        let outer = current
        let state = newState()
        if let limit { state.pointee.limit = limit }
        setCurrent(state)
        defer {
            setCurrent(outer)
            release(state)
        }
        return try body()
    }

    /// Deinitializes every cell of `state`'s blocks and frees them.
    static func release(_ state: UnsafeMutablePointer<State>) {
        for kind in CellKind.allCases {
            let chain = state.pointee.chains[kind.rawValue]
            let size = kind.cellSize
            var block = chain.block
            // The block being filled ends at `next`; the others where it was when they were left.
            var end = chain.next
            while let b = block {
                let first = b + headerSize
                kind.deinitialize(first, count: (end - first) / size)
                let previous = b.assumingMemoryBound(to: BlockHeader.self).pointee.previous
                b.deallocate()
                block = previous
                if let p = previous, let e = p.assumingMemoryBound(to: BlockHeader.self).pointee.end { end = e }
            }
        }
        state.pointee.chains.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Memory for one `T` that is never freed, outside every arena: for
    /// process-wide constants (the empty set, the unfilled-slot marker),
    /// which any scope may use.
    static func permanent<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        UnsafeMutablePointer<T>.allocate(capacity: 1)
    }
}
