// In release builds NixEval counts references without atomics (Package.swift
// compiles it with -assume-single-threaded): an evaluator and everything it
// makes belong to one thread at a time, which makes every retain and release
// several times cheaper. The rule that keeps this sound: no object is touched
// by two threads at once while an evaluator uses it. Builtin tables are built
// afresh for each evaluator, caches are per evaluator or copy what they share,
// `Instantiate.run` copies the caller's strings, and the two process-wide
// singletons (the empty set and the marker of unfilled slots) are immortal.
// The copy at the boundary is itself NixEval code, so a string that other
// threads are retaining at that very moment is still unsafe: that is why only
// the roost binary, which evaluates on one thread while the others wait, is
// built this way; debug builds (the tests, which evaluate on many threads
// beside test code that shares its strings) count atomically.

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

/// A copy of `s` in storage of its own, for strings that cross into an evaluator
/// (or into process-wide tables) while other threads may hold the original.
func unsharedCopy(_ s: String) -> String {
    String(decoding: Array(s.utf8), as: UTF8.self)
}
