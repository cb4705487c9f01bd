// Where the value graph lives: thunks, sets, lists, functions and strings are
// cells carved out of large blocks, and none is freed on its own. A value is
// then a plain pointer that copies without counting references, which is
// what an evaluation mostly does: every variable read, argument, list element
// and attribute is a copy of a Value. Counting references cost a third of an
// evaluation's instructions, and freeing most of another fifth.
//
// Each thread allocates from its current arena. `Arena.scoped` gives the
// thread a fresh one for the length of a call and frees all of it at the end
// (running each cell's deinitializer, which releases what the cell holds:
// an environment, an array, a String). Nothing made in the scope may be used
// after it: `Instantiate.runHere` evaluates in a scope and returns only
// bytes. Outside any scope a thread allocates from an arena that is never
// freed; `roost eval` works there, as the process exits right after, as Nix
// does, whose collector does not run during a short evaluation.
//
// Environments (Env) are not in the arena: they stay counted, because most
// calls' environments are reused at once (EnvPool).
//
// What an evaluation keeps includes its garbage: `foldl' (acc: x: acc ++ [x])`
// over n elements keeps n lists of up to n elements. Each arena counts the
// bytes of its blocks and of the lists and strings made in it; past its limit
// (half the machine's memory) the evaluator stops with an error
// (`Evaluator.checkMemory`) instead of being killed by the system.
//
// Release builds evaluate on one thread at a time, which is why NixEval
// counts the references it still counts (environments, compiled code)
// without atomics there (Package.swift compiles it with
// -assume-single-threaded). NixEval keeps evaluators apart so that running
// several at once stays an option: builtin tables are built afresh for each
// evaluator, caches are per evaluator, no static arrays are stored, and the
// arenas are per thread. Debug builds, which the tests use and which run many
// evaluators at once, count atomically.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a cell holds, so that freeing an arena can deinitialize it.
@usableFromInline enum CellKind: UInt32 {
    case thunk, attrs, string, path, closure, primOp, primOpApp, list
}

@usableFromInline enum Arena {
    /// One thread's arena: a chain of blocks, the last one being filled.
    @usableFromInline struct State {
        @usableFromInline var next: UnsafeMutableRawPointer
        @usableFromInline var left: Int
        /// The block being filled; each block starts with a `BlockHeader`.
        var block: UnsafeMutableRawPointer?
        /// Bytes of blocks, list elements and string text made in this arena.
        @usableFromInline var charged: Int = 0
        @usableFromInline var limit: Int = Arena.defaultLimit
    }

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

    /// The start of every block.
    struct BlockHeader {
        var previous: UnsafeMutableRawPointer?
        /// Where the block's cells end (set when the next block starts).
        var end: UnsafeMutableRawPointer?
    }

    /// The start of every cell: what it holds and its size with this header.
    struct CellHeader {
        var kind: UInt32
        var size: UInt32
    }

    static let blockSize = 1 << 20
    static let headerSize = (MemoryLayout<BlockHeader>.size + 15) & ~15

    /// The thread's current arena (its `State`).
    static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    #if DEBUG
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
    /// 5% of an evaluation).
    /// Nil until the first allocation (a constant, so reading it needs no
    /// lazy-initialization check).
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
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(next: UnsafeMutableRawPointer(bitPattern: 16)!, left: 0, block: nil))
        return state
    }

    /// Uninitialized memory for one `T` (at most 8-byte aligned) in the
    /// thread's current arena.
    @inline(__always) @usableFromInline
    static func allocate<T>(_ type: T.Type, _ kind: CellKind) -> UnsafeMutablePointer<T> {
        let size = (MemoryLayout<CellHeader>.size + MemoryLayout<T>.stride + 7) & ~7
        let state = current
        var p: UnsafeMutableRawPointer
        if size <= state.pointee.left {
            p = state.pointee.next
            state.pointee.next = p + size
            state.pointee.left &-= size
        } else {
            p = refill(state, size)
        }
        p.storeBytes(of: CellHeader(kind: kind.rawValue, size: UInt32(truncatingIfNeeded: size)), as: CellHeader.self)
        return (p + MemoryLayout<CellHeader>.size).assumingMemoryBound(to: T.self)
    }

    /// Starts a new block for a cell of `size` bytes.
    @inline(never) @usableFromInline
    static func refill(_ state: UnsafeMutablePointer<State>, _ size: Int) -> UnsafeMutableRawPointer {
        let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        state.pointee.charged &+= blockSize
        if let old = state.pointee.block {
            old.assumingMemoryBound(to: BlockHeader.self).pointee.end = state.pointee.next
        }
        block.initializeMemory(as: BlockHeader.self, repeating: BlockHeader(previous: state.pointee.block, end: nil), count: 1)
        state.pointee.block = block
        let first = block + headerSize
        state.pointee.next = first + size
        state.pointee.left = blockSize - headerSize - size
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
        var block = state.pointee.block
        // The block being filled ends at `next`; the others where it was when they were left.
        var end = state.pointee.next
        while let b = block {
            let header = b.assumingMemoryBound(to: BlockHeader.self).pointee
            var p = b + headerSize
            while p < end {
                let cell = p.load(as: CellHeader.self)
                deinitialize(p + MemoryLayout<CellHeader>.size, kind: cell.kind)
                p += Int(cell.size)
            }
            b.deallocate()
            block = header.previous
            if let previous = block, let e = previous.assumingMemoryBound(to: BlockHeader.self).pointee.end { end = e }
        }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private static func deinitialize(_ cell: UnsafeMutableRawPointer, kind: UInt32) {
        switch CellKind(rawValue: kind) {
        case .thunk: cell.assumingMemoryBound(to: Thunk.Repr.self).deinitialize(count: 1)
        case .attrs: cell.assumingMemoryBound(to: Attrs.Storage.self).deinitialize(count: 1)
        case .string: cell.assumingMemoryBound(to: NixString.Parts.self).deinitialize(count: 1)
        case .path: cell.assumingMemoryBound(to: String.self).deinitialize(count: 1)
        case .closure: cell.assumingMemoryBound(to: Closure.Parts.self).deinitialize(count: 1)
        case .primOp: cell.assumingMemoryBound(to: PrimOp.Parts.self).deinitialize(count: 1)
        case .primOpApp: cell.assumingMemoryBound(to: PrimOpApp.Parts.self).deinitialize(count: 1)
        case .list: cell.assumingMemoryBound(to: [Value].self).deinitialize(count: 1)
        case nil: break
        }
    }

    /// Memory for one `T` that is never freed, outside every arena: for
    /// process-wide constants (the empty set, the unfilled-slot marker),
    /// which any scope may use.
    static func permanent<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        UnsafeMutablePointer<T>.allocate(capacity: 1)
    }
}
