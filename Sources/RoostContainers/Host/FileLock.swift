// An exclusive flock(2) on a lock file, held for the life of the value and
// released by the kernel if roost dies. Waiting is bounded: roost polls and
// gives up with a clear error instead of hanging forever. The descriptor is
// close-on-exec so a container started under the lock does not keep it.

import Glibc

public final class FileLock {
    public let path: String
    private var fd: Int32

    /// Takes the lock, waiting up to `timeout` seconds; `onWait` is called
    /// once if the lock is busy, so a command can say what it waits for.
    public init(path: String, timeout: Double, name: String, onWait: () -> Void = {}) throws(ContainerError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .errno("open", path) }
        var waited = false
        let deadline = Clock.now() + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = Glibc.errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else { close(fd); throw .syscall("flock", path: path, errno: code) }
            if !waited { onWait(); waited = true }
            guard Clock.now() < deadline else { close(fd); throw .lockTimeout(name: name, seconds: Int(timeout)) }
            Clock.sleep(milliseconds: 50)
        }
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}

/// Monotonic time and sleeping, for deadlines that must not jump with the wall clock.
public enum Clock {
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    public static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && Glibc.errno == EINTR { request = remaining }
    }
}
