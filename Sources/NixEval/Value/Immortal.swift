// In release builds NixEval counts references without atomics (Package.swift
// compiles it with -assume-single-threaded), which makes every retain and
// release several times cheaper. That is sound because the roost binary
// evaluates on one thread at a time while its other threads wait. NixEval
// also keeps evaluators apart, so that running several at once stays an
// option: builtin tables are built afresh for each evaluator, caches are per
// evaluator, no static arrays are stored, and the two process-wide singletons
// (the empty set and the marker of unfilled slots) are immortal. Debug builds, which the tests use and
// which run many evaluators at once beside test code sharing its strings,
// count atomically.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The runtime's own "add n references" entry point, looked up once.
private let retainN: (@convention(c) (UnsafeMutableRawPointer, UInt32) -> UnsafeMutableRawPointer)? = {
    #if os(Linux)
    let everywhere: UnsafeMutableRawPointer? = nil  // glibc's RTLD_DEFAULT
    #else
    let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // Darwin's RTLD_DEFAULT
    #endif
    guard let symbol = dlsym(everywhere, "swift_retain_n") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutableRawPointer, UInt32) -> UnsafeMutableRawPointer).self)
}()

/// `object` with so many extra references that no interleaving of
/// unsynchronised counts from several threads can bring it near zero:
/// it is never freed, which singletons never are anyway.
func immortal<T: AnyObject>(_ object: T) -> T {
    let pointer = Unmanaged.passUnretained(object).toOpaque()
    if let retainN {
        _ = retainN(pointer, 1 << 28)
    } else {
        // Not reachable with the Swift runtime, which always exports it; a
        // plain extra reference still keeps the singleton alive in one thread.
        _ = Unmanaged.passUnretained(object).retain()
    }
    return object
}
