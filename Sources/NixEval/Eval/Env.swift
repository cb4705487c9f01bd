// Runtime environments: one per scope that binds names (a lambda's
// parameters, a `let`, a `rec` set, a `with`). The compiler resolves every
// variable to (depth, slot), so lookup is a walk up `depth` parents and one
// array read. An environment is a single allocation: its slots live in the
// tail of the object (ManagedBuffer), not in a separate array buffer.
// It does not know names; those live only in the compiler's scopes.

public struct EnvHeader {
    /// Keeps the parent alive.
    @usableFromInline let parent: Env?
    /// The same parent, for walking the chain without touching reference counts.
    @usableFromInline let parentRef: Unmanaged<Env>?
    @usableFromInline let count: Int
}

public final class Env: ManagedBuffer<EnvHeader, Value> {
    /// What a slot holds until it is filled. A variable read lazily from such a
    /// slot (`let x = x;`, a default naming a later formal) becomes a thunk;
    /// forcing the marker itself is infinite recursion.
    nonisolated(unsafe) static let unfilled = Value.thunk(immortal(Thunk(blackholed: ())))

    /// A new environment with `count` slots, all `unfilled` until set.
    @inline(__always)
    static func make(parent: Env?, count: Int) -> Env {
        let buffer = Env.create(minimumCapacity: count) { _ in EnvHeader(parent: parent, parentRef: parent.map { Unmanaged.passUnretained($0) }, count: count) }
        let env = unsafeDowncast(buffer, to: Env.self)
        env.withUnsafeMutablePointerToElements { $0.initialize(repeating: Env.unfilled, count: count) }
        return env
    }

    @inline(__always)
    static func isUnfilled(_ v: Value) -> Bool {
        if case .thunk(let t) = v, case .thunk(let u) = unfilled { return t === u }
        return false
    }

    /// A one-slot environment (a lambda with a plain parameter, a `with`).
    @inline(__always)
    static func make(parent: Env?, value: Value) -> Env {
        let buffer = Env.create(minimumCapacity: 1) { _ in EnvHeader(parent: parent, parentRef: parent.map { Unmanaged.passUnretained($0) }, count: 1) }
        let env = unsafeDowncast(buffer, to: Env.self)
        env.withUnsafeMutablePointerToElements { $0.initialize(to: value) }
        return env
    }

    deinit {
        _ = withUnsafeMutablePointers { header, elements in
            elements.deinitialize(count: header.pointee.count)
        }
    }

    @inline(__always) var parent: Env? { header.parent }
    @inline(__always) var count: Int { header.count }

    /// Slot access; the compiler guarantees `slot < count`.
    @inline(__always)
    subscript(slot: Int) -> Value {
        get { withUnsafeMutablePointerToElements { $0[slot] } }
        set { withUnsafeMutablePointerToElements { $0[slot] = newValue } }
    }

    /// The environment `depth` levels up (0 is self).
    @inline(__always)
    func up(_ depth: Int) -> Env {
        if depth == 0 { return self }
        return upRef(depth)._withUnsafeGuaranteedRef { $0 }
    }

    @inline(__always)
    func upRef(_ depth: Int) -> Unmanaged<Env> {
        var e = Unmanaged.passUnretained(self)
        var d = depth
        while d > 0 {
            guard let p = e._withUnsafeGuaranteedRef({ $0.withUnsafeMutablePointerToHeader { $0.pointee.parentRef } }) else { break }
            e = p
            d -= 1
        }
        return e
    }

    /// The thunk in `slot` of the environment `depth` levels up, if the slot
    /// holds one, without retaining it: a filled slot is never overwritten,
    /// so the environment (which the caller holds) keeps the thunk alive.
    @inline(__always)
    func thunkRef(depth: Int, slot: Int) -> Unmanaged<Thunk>? {
        upRef(depth)._withUnsafeGuaranteedRef { env in
            env.withUnsafeMutablePointerToElements { p in
                if case .thunk(let t) = p[slot] { return Unmanaged.passUnretained(t) }
                return nil
            }
        }
    }

    /// The value in `slot` of the environment `depth` levels up.
    @inline(__always)
    func value(depth: Int, slot: Int) -> Value {
        upRef(depth)._withUnsafeGuaranteedRef { env in
            env.withUnsafeMutablePointerToElements { $0[slot] }
        }
    }
}
