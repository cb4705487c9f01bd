// Runs Invocations with posix_spawn: to completion with output captured, with
// the caller's own stdio (for `roost run`), or detached in a new session with
// its output in a log (for systemd-nspawn). Descriptors roost opens are all
// close-on-exec, and the children get nothing else but stdio.

import Glibc

public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Runner {
    /// glibc's POSIX_SPAWN_SETSID (0x80, stable since glibc 2.26); the C
    /// headers hide it behind _GNU_SOURCE, so Swift cannot import it.
    static let spawnSetsid: Int16 = 0x80

    /// Runs to completion and captures stdout and stderr.
    public static func run(_ invocation: Invocation, input: [UInt8] = []) throws(ContainerError) -> RunResult {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        guard cloexecPipe(&outPipe), cloexecPipe(&errPipe), cloexecPipe(&inPipe) else {
            throw .errno("pipe", invocation.executable)
        }
        let pid: pid_t
        do {
            pid = try spawn(invocation, stdin: inPipe[0], stdout: outPipe[1], stderr: errPipe[1], newSession: false)
        } catch {
            (outPipe + errPipe + inPipe).forEach { close($0) }
            throw error
        }
        close(outPipe[1]); close(errPipe[1]); close(inPipe[0])
        if !input.isEmpty { _ = RootDirectory.writeAll(inPipe[1], input) }
        close(inPipe[1])
        let (out, err) = drain(outPipe[0], errPipe[0])
        close(outPipe[0]); close(errPipe[0])
        let status = wait(for: pid)
        return RunResult(status: status, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs to completion and fails unless the exit status is 0.
    @discardableResult
    public static func check(_ invocation: Invocation, input: [UInt8] = []) throws(ContainerError) -> RunResult {
        let result = try run(invocation, input: input)
        guard result.status == 0 else {
            throw .commandFailed(command: invocation.description, status: result.status,
                                 output: (result.stderr + result.stdout).trimmingTrailingNewlines())
        }
        return result
    }

    /// Runs with the caller's stdin, stdout and stderr and returns its exit status.
    public static func runInheritingStdio(_ invocation: Invocation) throws(ContainerError) -> Int32 {
        let pid = try spawn(invocation, stdin: 0, stdout: 1, stderr: 2, newSession: false)
        return wait(for: pid)
    }

    /// Starts a process in a new session, stdin from /dev/null and stdout and
    /// stderr into `log`, and returns its pid without waiting for it.
    public static func spawnDetached(_ invocation: Invocation, log: Int32) throws(ContainerError) -> pid_t {
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard null >= 0 else { throw .errno("open", "/dev/null") }
        defer { close(null) }
        return try spawn(invocation, stdin: null, stdout: log, stderr: log, newSession: true)
    }

    /// Replaces this process by the invocation; returns only by throwing.
    public static func exec(_ invocation: Invocation) throws(ContainerError) -> Never {
        var environment = ProcessEnvironment.current()
        for (key, value) in invocation.environment { environment[key] = value }
        let envStrings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        _ = withCStrings(invocation.argv) { cArgv in
            withCStrings(envStrings) { cEnv in execve(invocation.executable, cArgv, cEnv) }
        }
        throw .errno("execve", invocation.executable)
    }

    /// Waits for a child and returns its exit status, or 128 + the signal that killed it.
    public static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if Glibc.errno != EINTR { return 255 }
        }
        return exitStatus(status)
    }

    /// Decodes a waitpid status the way a shell reports it.
    public static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    static func spawn(_ invocation: Invocation, stdin: Int32, stdout: Int32, stderr: Int32,
                      newSession: Bool) throws(ContainerError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the target, so these three survive exec.
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var flags = Int16(POSIX_SPAWN_SETSIGDEF) | Int16(POSIX_SPAWN_SETSIGMASK)
        if newSession { flags |= spawnSetsid }
        posix_spawnattr_setflags(&attributes, flags)

        var environment = ProcessEnvironment.current()
        for (key, value) in invocation.environment { environment[key] = value }
        let envStrings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let argv = invocation.argv
        var pid: pid_t = 0
        let code = withCStrings(argv) { cArgv in
            withCStrings(envStrings) { cEnv in
                posix_spawn(&pid, invocation.executable, &actions, &attributes, cArgv, cEnv)
            }
        }
        guard code == 0 else { throw .syscall("posix_spawn", path: invocation.executable, errno: code) }
        return pid
    }

    /// Reads two pipes to their ends without letting either fill up.
    static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var buffers: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 65536)
        while fds.contains(where: { $0.fd >= 0 }) {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if Glibc.errno == EINTR { continue }
                break
            }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = read(fds[index].fd, &chunk, chunk.count)
                if count > 0 { buffers[index] += chunk[0..<count] } else if count == 0 || Glibc.errno != EINTR { fds[index].fd = -1 }
            }
        }
        return (buffers[0], buffers[1])
    }
}

func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

enum ProcessEnvironment {
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer = pointer.advanced(by: 1)
        }
        return result
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" || result.last == "\r" { result.removeLast() }
        return result
    }
}

/// pipe(2) with both ends close-on-exec (Glibc hides pipe2 behind _GNU_SOURCE).
func cloexecPipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
}
