// What roost asks /proc about its containers' processes: is a pid alive (a
// zombie is not), what is its command line, what are its children. Waiting
// for a container's nspawn also reaps it when roost happens to be its parent
// (tests run the engine in-process); on hosts whose init does not reap,
// orphaned exited processes stay zombies, which is why "alive" ignores them.
// Nothing here reaps a pid it was not asked to wait for: other threads may be
// waiting for children of their own.

import Foundation
import Glibc

public enum Processes {
    /// True if the process exists and has not exited (is not a zombie).
    public static func isAlive(_ pid: pid_t) -> Bool {
        guard pid > 0 else { return false }
        guard let stat = read("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].first { $0 != " " }
        return state != "Z" && state != "X" && state != nil
    }

    /// The process's argv, or [] if it is gone.
    public static func commandLine(_ pid: pid_t) -> [String] {
        guard let text = read("/proc/\(pid)/cmdline") else { return [] }
        return text.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The direct children of a process, from every thread's children list.
    public static func children(_ pid: pid_t) -> [pid_t] {
        var result: [pid_t] = []
        guard let handle = opendir("/proc/\(pid)/task") else { return [] }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let task = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let tid = Int32(task), let text = read("/proc/\(pid)/task/\(tid)/children") else { continue }
            result += text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return result
    }

    /// Collects the exit status of `pid` if it is our exited child; harmless otherwise.
    public static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
    }

    /// Waits until the process is gone, polling; false if `timeout` passed first.
    public static func waitUntilGone(_ pid: pid_t, timeout: Double) -> Bool {
        let deadline = Clock.now() + timeout
        reap(pid)
        while isAlive(pid) {
            if Clock.now() >= deadline { return false }
            Clock.sleep(milliseconds: 20)
            reap(pid)
        }
        return true
    }

    /// The real-time signal systemd powers off on (SIGRTMIN+4).
    public static var powerOffSignal: Int32 { __libc_current_sigrtmin() + 4 }

    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

