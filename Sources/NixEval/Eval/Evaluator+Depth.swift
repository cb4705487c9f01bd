// Limits that turn runaway evaluation into an error instead of a crash or a
// hang: a depth counter over every nested call, forcing, compilation and deep
// traversal (deterministic, like Nix's "stack overflow"), a check of the
// real stack pointer against the current thread's stack bounds (the safety
// net for whatever the counter does not see), and the optional step limit.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixSyntax

/// The lowest stack address the evaluator may use on the current thread.
struct StackGuard {
    private var thread: pthread_t? = nil
    private(set) var limit: UInt = 0
    /// Headroom kept free below the limit for code that does not check (printing, deinit chains).
    static let headroom: UInt = 256 * 1024

    /// Re-reads the bounds when called on a different thread than last time.
    mutating func refresh() {
        let me = pthread_self()
        if let t = thread, pthread_equal(t, me) != 0 { return }
        thread = me
        limit = StackGuard.lowestUsable()
    }

    private static func lowestUsable() -> UInt {
        #if canImport(Glibc)
        // pthread_getattr_np is a GNU extension the Swift module does not export; look it up.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return 0 }
        let getattr = unsafeBitCast(sym, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attr) }
        var addr: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attr, &addr, &size) == 0, let base = addr else { return 0 }
        let low = UInt(bitPattern: base)
        // Leave headroom, but never more than half of a small stack.
        let margin = min(headroom, UInt(size) / 2)
        return low &+ margin
        #else
        return 0
        #endif
    }
}

@inline(never)
func currentStackAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}

extension Evaluator {
    /// The error Nix gives when evaluation nests too deeply, at the place
    /// that went one level too deep; it carries no trace.
    func stackOverflowError(at span: Span = .none) -> EvalError {
        var e = EvalError("stack overflow (possible infinite recursion)", at: span)
        e.suppressesTrace = true
        return e
    }

    func stepLimitError(_ span: Span) -> EvalError {
        var e = EvalError("evaluation step limit of \(stepLimit) exceeded", at: span)
        e.suppressesTrace = true
        return e
    }

    /// Enters one level of nesting; the caller must `depth &-= 1` when leaving
    /// (only if this did not throw).
    @inline(__always)
    func enter(_ span: Span) throws {
        depth &+= 1
        if depth > maxDepth || (depth & 15 == 0 && !stackHasRoom()) {
            depth &-= 1
            throw stackOverflowError(at: span)
        }
        if depth & 15 == 0 { try checkMemory(span) }
    }

    /// Stops the evaluation once its arena holds more than its limit
    /// (Arena.swift). Checked where values are made in bulk: every 16th
    /// level of nesting, after each builtin, and by `++` and `+`.
    @inline(__always)
    func checkMemory(_ span: Span) throws {
        if Arena.isOverLimit { throw outOfMemoryError(span) }
    }

    @inline(never)
    func outOfMemoryError(_ span: Span) -> EvalError {
        let limit = Arena.limit
        let tenths = limit / ((1 << 30) / 10)
        let size = limit >= 1 << 30 ? "\(tenths / 10).\(tenths % 10) GiB" : "\(limit >> 20) MiB"
        var e = EvalError("evaluation needs more than \(size) of memory: Roost keeps every value until the evaluation ends; build long lists and strings with builtins (genList, concatLists, concatStrings) instead of repeated ++ or +", at: span)
        e.suppressesTrace = true
        return e
    }

    /// Enters one level of a syntax tree walk: long operator chains are fine as
    /// long as the stack holds; the caller must `syntaxDepth &-= 1` when leaving.
    @inline(__always)
    func enterSyntax() throws {
        syntaxDepth &+= 1
        if syntaxDepth & 15 == 0 {
            if syntaxDepth <= 16 { stackGuard.refresh() }
            if currentStackAddress() <= stackGuard.limit {
                syntaxDepth &-= 1
                throw stackOverflowError()
            }
        }
    }

    func stackHasRoom() -> Bool {
        if depth <= 16 { stackGuard.refresh() }
        return currentStackAddress() > stackGuard.limit
    }

    /// Counts one function application against the step limit.
    @inline(__always)
    func countStep(_ span: Span) throws {
        steps &+= 1
        if steps > stepLimit { throw stepLimitError(span) }
    }
}
