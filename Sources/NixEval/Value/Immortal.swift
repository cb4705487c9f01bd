// NixEval counts references without atomics (Package.swift compiles it with
// -assume-single-threaded): an evaluator and everything it makes belong to
// one thread at a time, which makes every retain and release several times
// cheaper. The rule that keeps this sound: no object is reachable from two
// evaluators. Builtin tables are built afresh for each evaluator, caches are
// per evaluator or copy what they share; the two process-wide singletons (the
// empty set and the marker of unfilled slots) are made immortal here.

@_silgen_name("swift_retain_n")
private func swiftRetainN(_ object: UnsafeMutableRawPointer, _ count: UInt32) -> UnsafeMutableRawPointer

/// `object` with so many extra references that no interleaving of
/// unsynchronised counts from several threads can bring it near zero:
/// it is never freed, which singletons never are anyway.
func immortal<T: AnyObject>(_ object: T) -> T {
    _ = swiftRetainN(Unmanaged.passUnretained(object).toOpaque(), 1 << 28)
    return object
}
