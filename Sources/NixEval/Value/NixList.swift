// A list value: a pointer to its elements' array in the arena (Arena.swift),
// so that copying a list counts no references. The array is never changed
// after the list is made, except that a forced thunk in it may be replaced by
// its value (Settle.swift).

public struct NixList: RandomAccessCollection {
    /// The array, in the arena; never replaced.
    @usableFromInline let cell: UnsafePointer<[Value]>

    public init(_ elements: [Value]) {
        Arena.charge(elements.count &* MemoryLayout<Value>.stride)
        let c = Arena.allocate([Value].self, .list)
        c.initialize(to: elements)
        cell = UnsafePointer(c)
    }

    /// The elements as an array (shares its storage; copying it counts one reference).
    public var elements: [Value] { @inline(__always) unsafeAddress { cell } }

    public var startIndex: Int { @inline(__always) get { 0 } }
    public var endIndex: Int { @inline(__always) get { cell.pointee.count } }
    public var count: Int { @inline(__always) get { cell.pointee.count } }
    public var isEmpty: Bool { @inline(__always) get { cell.pointee.isEmpty } }

    public subscript(position: Int) -> Value {
        @inline(__always) get { cell.pointee[position] }
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Value>) throws -> R) rethrows -> R {
        try cell.pointee.withUnsafeBufferPointer(body)
    }

    /// Settles element `index` (see `settleSlot`).
    @inline(__always)
    func settle(_ index: Int, _ value: Value) { cell.pointee.settle(index, value) }
}
