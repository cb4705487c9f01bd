// Runtime environments: one per scope that binds names (a lambda's
// parameters, a `let`, a `rec` set, a `with`). The compiler resolves every
// variable to (depth, slot), so lookup is a walk up `depth` parents and one
// slot read. An environment is one cell in the arena (Arena.swift): a header
// (the parent and the number of slots) followed by the slots. Like a value,
// it is a plain pointer: making one is a pointer bump, and capturing one in
// a thunk or a function counts no references.
// It does not know names; those live only in the compiler's scopes.

public struct Env {
    @usableFromInline struct Header {
        @usableFromInline var parent: Env?
        @usableFromInline var count: Int
    }

    /// The header, then the slots.
    @usableFromInline let base: UnsafeMutableRawPointer

    /// Bytes before the first slot.
    @usableFromInline static var slotOffset: Int { @inline(__always) get { (MemoryLayout<Header>.stride + 15) & ~15 } }

    @inline(__always) @usableFromInline
    var header: UnsafeMutablePointer<Header> { base.assumingMemoryBound(to: Header.self) }

    @inline(__always) @usableFromInline
    var slots: UnsafeMutablePointer<Value> { (base + Env.slotOffset).assumingMemoryBound(to: Value.self) }

    @inline(__always)
    private init(parent: Env?, count: Int) {
        base = Arena.allocate(bytes: Env.slotOffset &+ count &* MemoryLayout<Value>.stride)
        base.initializeMemory(as: Header.self, repeating: Header(parent: parent, count: count), count: 1)
    }

    /// What a slot holds until it is filled. A variable read lazily from such a
    /// slot (`let x = x;`, a default naming a later formal) becomes a thunk;
    /// forcing the marker itself is infinite recursion.
    nonisolated(unsafe) static let unfilled = Value.thunk(Thunk(blackholed: ()))

    /// A new environment with `count` slots, all `unfilled` until set with `fill`.
    @inline(__always)
    static func make(parent: Env?, count: Int) -> Env {
        let env = Env(parent: parent, count: count)
        env.slots.initialize(repeating: unfilled, count: count)
        return env
    }

    /// A one-slot environment (a lambda with a plain parameter, a `with`).
    @inline(__always)
    static func make(parent: Env?, value: Value) -> Env {
        let env = Env(parent: parent, count: 1)
        env.slots.initialize(to: value)
        return env
    }

    /// Sets a slot that still holds the `unfilled` marker.
    @inline(__always)
    func fill(_ slot: Int, with value: Value) { slots[slot] = value }

    @inline(__always)
    static func isUnfilled(_ v: Value) -> Bool {
        if case .thunk(let t) = v, case .thunk(let u) = unfilled { return t.isSame(u) }
        return false
    }

    @inline(__always) var parent: Env? { header.pointee.parent }
    @inline(__always) var count: Int { header.pointee.count }

    /// Slot access; the compiler guarantees `slot < count`.
    @inline(__always)
    subscript(slot: Int) -> Value {
        get { slots[slot] }
        nonmutating set { slots[slot] = newValue }
    }

    /// The environment `depth` levels up (0 is self).
    @inline(__always)
    func up(_ depth: Int) -> Env {
        var e = self
        var d = depth
        while d > 0, let p = e.parent {
            e = p
            d -= 1
        }
        return e
    }

    /// The thunk in `slot` of the environment `depth` levels up, if the slot holds one.
    @inline(__always)
    func thunkRef(depth: Int, slot: Int) -> Thunk? {
        if case .thunk(let t) = up(depth).slots[slot] { return t }
        return nil
    }

    /// The value in `slot` of the environment `depth` levels up.
    @inline(__always)
    func value(depth: Int, slot: Int) -> Value { up(depth).slots[slot] }
}

extension Evaluator {
    /// A one-slot environment holding `value`.
    @inline(__always)
    func makeEnv(parent: Env, value: Value) -> Env { Env.make(parent: parent, value: value) }

    /// An environment with `count` slots, all `Env.unfilled` until set with `fill`.
    @inline(__always)
    func makeEnv(parent: Env, count: Int) -> Env { Env.make(parent: parent, count: count) }
}
