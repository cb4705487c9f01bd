// Runs evaluation on a thread with a very large stack (virtual memory: only
// the pages deep recursion touches are committed), so that the evaluator's
// depth limit, not the operating system, decides when recursion is too deep.
// If no such thread can be created, the work runs on the caller's thread,
// where the evaluator's stack guard still turns exhaustion into an error.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum EvalThread {
    /// Stack sizes tried in order. A fresh array per call, not a shared
    /// static one: NixEval counts references without atomics, so an object
    /// shared by threads that evaluate at once must not be retained by them.
    static var stackSizes: [Int] { [4 << 30, 1 << 30, 256 << 20] }

    private class Job {
        func run() {}
    }

    private final class TypedJob<T>: Job, @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        override func run() { result = body() }
    }

    /// Runs `body` on a big-stack thread and waits for its result.
    public static func run<T>(_ body: @escaping () -> T) -> T {
        let job = TypedJob(body)
        for size in stackSizes {
            if start(job, stackSize: size) {
                if let r = job.result { return r }
                break
            }
        }
        return body()
    }

    private static func start(_ job: Job, stackSize: Int) -> Bool {
        var attr = pthread_attr_t()
        guard pthread_attr_init(&attr) == 0 else { return false }
        defer { pthread_attr_destroy(&attr) }
        guard pthread_attr_setstacksize(&attr, stackSize) == 0 else { return false }
        let raw = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let rc = pthread_create(&thread, &attr, { arg in
            guard let arg else { return nil }
            let job = Unmanaged<Job>.fromOpaque(arg).takeRetainedValue()
            job.run()
            return nil
        }, raw)
        guard rc == 0 else {
            Unmanaged<Job>.fromOpaque(raw).release()
            return false
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let t = thread { pthread_join(t, nil) }
        #endif
        return true
    }
}
