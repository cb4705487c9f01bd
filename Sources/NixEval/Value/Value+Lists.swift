// Building Nix lists out of other lists: `++`, `concatLists`, `concatMap`,
// `tail`. Each result is reserved once at its final size and filled one
// element at a time, which the compiler specializes for `Value`; the
// standard library's `a + b`, `append(contentsOf:)`, `Array(slice)` and
// `initialize(from:count:)` grow step by step or copy through the generic
// runtime path (measured slower, both).
// A result equal to one of the inputs is that input, shared, not a copy.

extension Array where Element == Value {
    /// `parts` end to end.
    static func concatenating(_ parts: [[Value]]) -> [Value] {
        var total = 0, nonEmpty = 0, last = 0
        for i in parts.indices where !parts[i].isEmpty {
            total += parts[i].count
            nonEmpty += 1
            last = i
        }
        if nonEmpty <= 1 { return nonEmpty == 0 ? [] : parts[last] }
        var out: [Value] = []
        out.reserveCapacity(total)
        for p in parts { out.appendEach(of: p, from: 0) }
        return out
    }

    /// `a ++ b`.
    static func concatenating(_ a: [Value], _ b: [Value]) -> [Value] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [Value] = []
        out.reserveCapacity(a.count + b.count)
        out.appendEach(of: a, from: 0)
        out.appendEach(of: b, from: 0)
        return out
    }

    /// The elements from index `start` on (`start` within `0...count`).
    func suffix(copyingFrom start: Int) -> [Value] {
        if start >= count { return [] }
        var out: [Value] = []
        out.reserveCapacity(count - start)
        out.appendEach(of: self, from: start)
        return out
    }

    @inline(__always)
    private mutating func appendEach(of other: [Value], from start: Int) {
        other.withUnsafeBufferPointer { src in
            for i in start..<src.count { append(src[i]) }
        }
    }
}
