// Runtime environments: one per scope that binds names (a lambda's
// parameters, a `let`, a `rec` set, a `with`). The compiler resolves every
// variable to (depth, slot), so lookup is a walk up `depth` parents and one
// array read. An environment is a single allocation: its slots live in the
// tail of the object (ManagedBuffer), not in a separate array buffer.
// It does not know names; those live only in the compiler's scopes.

public struct EnvHeader {
    /// Keeps the parent alive.
    @usableFromInline var parent: Env?
    /// The same parent, for walking the chain without touching reference counts.
    /// While the environment waits in an `EnvPool`, the next pooled one.
    @usableFromInline var parentRef: Unmanaged<Env>?
    /// Initialized slots (0 while pooled).
    @usableFromInline var count: Int
}

public final class Env: ManagedBuffer<EnvHeader, Value> {
    /// What a slot holds until it is filled. A variable read lazily from such a
    /// slot (`let x = x;`, a default naming a later formal) becomes a thunk;
    /// forcing the marker itself is infinite recursion.
    nonisolated(unsafe) static let unfilled = Value.thunk(Thunk(blackholed: ()))

    /// A new environment with `count` slots, all `unfilled` until set with `fill`.
    @inline(__always)
    static func make(parent: Env?, count: Int) -> Env {
        let buffer = Env.create(minimumCapacity: count) { _ in EnvHeader(parent: parent, parentRef: parent.map { Unmanaged.passUnretained($0) }, count: count) }
        let env = unsafeDowncast(buffer, to: Env.self)
        env.withUnsafeMutablePointerToElements { markUnfilled($0, count: count) }
        return env
    }

    /// Puts the `unfilled` marker in `count` slots.
    @inline(__always)
    static func markUnfilled(_ slots: UnsafeMutablePointer<Value>, count: Int) {
        slots.initialize(repeating: unfilled, count: count)
    }

    /// Sets a slot that still holds the `unfilled` marker.
    @inline(__always)
    func fill(_ slot: Int, with value: Value) {
        withUnsafeMutablePointerToElements { ($0 + slot).initialize(to: value) }
    }

    @inline(__always)
    static func isUnfilled(_ v: Value) -> Bool {
        if case .thunk(let t) = v, case .thunk(let u) = unfilled { return t.isSame(u) }
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
    func thunkRef(depth: Int, slot: Int) -> Thunk? {
        upRef(depth)._withUnsafeGuaranteedRef { env in
            env.withUnsafeMutablePointerToElements { p in
                if case .thunk(let t) = p[slot] { return t }
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

/// Environments of calls that returned without anything capturing them
/// (no closure, thunk or child scope kept a reference), kept for the next
/// call instead of going back to malloc. Most calls (`x: x + 1`, a fold's
/// step function) capture nothing, so a loop of calls reuses a handful of
/// environments. A pooled environment has no parent and no initialized
/// slots; pools are linked through `parentRef` and hold one reference each.
/// One pool per slot count that calls commonly need.
struct EnvPool {
    static let maxPooled = 512
    var heads: (Unmanaged<Env>?, Unmanaged<Env>?, Unmanaged<Env>?, Unmanaged<Env>?) = (nil, nil, nil, nil)
    var sizes: (Int, Int, Int, Int) = (0, 0, 0, 0)

    @inline(__always)
    mutating func pop(_ count: Int) -> Env? {
        let head: Unmanaged<Env>?
        switch count {
        case 1: head = heads.0
        case 2: head = heads.1
        case 3: head = heads.2
        case 4: head = heads.3
        default: return nil
        }
        guard let h = head else { return nil }
        let env = h.takeRetainedValue()
        let next = env.withUnsafeMutablePointerToHeader { $0.pointee.parentRef }
        switch count {
        case 1: heads.0 = next; sizes.0 &-= 1
        case 2: heads.1 = next; sizes.1 &-= 1
        case 3: heads.2 = next; sizes.2 &-= 1
        default: heads.3 = next; sizes.3 &-= 1
        }
        return env
    }

    /// Takes `env` if nothing else refers to it and its size has a pool with room.
    @inline(__always)
    mutating func recycle(_ env: inout Env) {
        let count = env.withUnsafeMutablePointerToHeader { $0.pointee.count }
        let size: Int
        switch count {
        case 1: size = sizes.0
        case 2: size = sizes.1
        case 3: size = sizes.2
        case 4: size = sizes.3
        default: return
        }
        guard size < EnvPool.maxPooled, isKnownUniquelyReferenced(&env) else { return }
        let next: Unmanaged<Env>?
        switch count {
        case 1: next = heads.0
        case 2: next = heads.1
        case 3: next = heads.2
        default: next = heads.3
        }
        env.withUnsafeMutablePointers { h, e in
            e.deinitialize(count: count)
            h.pointee = EnvHeader(parent: nil, parentRef: next, count: 0)
        }
        let me = Unmanaged.passRetained(env)
        switch count {
        case 1: heads.0 = me; sizes.0 &+= 1
        case 2: heads.1 = me; sizes.1 &+= 1
        case 3: heads.2 = me; sizes.2 &+= 1
        default: heads.3 = me; sizes.3 &+= 1
        }
    }

    /// Frees every pooled environment.
    mutating func drain() {
        for c in 1...4 {
            while let e = pop(c) { _ = e }
        }
    }
}

extension Evaluator {
    /// A one-slot environment holding `value` (a pooled one if any).
    @inline(__always)
    func makeEnv(parent: Env, value: Value) -> Env {
        if let env = envPool.pop(1) {
            env.withUnsafeMutablePointers { h, e in
                h.pointee = EnvHeader(parent: parent, parentRef: Unmanaged.passUnretained(parent), count: 1)
                e.initialize(to: value)
            }
            return env
        }
        return Env.make(parent: parent, value: value)
    }

    /// An environment with `count` slots, all `Env.unfilled` until set with `fill` (a pooled one if any).
    @inline(__always)
    func makeEnv(parent: Env, count: Int) -> Env {
        if let env = envPool.pop(count) {
            env.withUnsafeMutablePointers { h, e in
                h.pointee = EnvHeader(parent: parent, parentRef: Unmanaged.passUnretained(parent), count: count)
                Env.markUnfilled(e, count: count)
            }
            return env
        }
        return Env.make(parent: parent, count: count)
    }

    /// Gives a finished call's environment back for reuse, unless something captured it.
    @inline(__always)
    func recycle(_ env: inout Env) {
        envPool.recycle(&env)
    }
}
