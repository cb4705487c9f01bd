// The failures of the container engine, each rendered as one line that says
// what failed and what to do. Syscall failures carry the call and errno.
// This file does not decide exit codes: the commands do.

import Glibc

public enum ContainerError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidName(String, reason: String)
    case unknownContainer(String)
    case duplicateName(String)
    case notCreatedByRoost(name: String, path: String)
    case incomplete(String)
    case invalidAddress(String)
    case addressInUse(address: String, by: String)
    case addressesWithoutPrivateNetwork
    case addressPoolExhausted
    case notRoot
    case missingProgram(String, package: String)
    case hostNotUsrMerged(String)
    case invalidManifest(path: String, reason: String)
    case notRunning(String)
    case alreadyRunning(String)
    case runByOther(name: String, pid: Int32)
    case noPrivateNetwork(String)
    case bootFailed(name: String, reason: String, log: String)
    case notReady(name: String, seconds: Int, log: String)
    case lockTimeout(name: String, seconds: Int)
    case commandFailed(command: String, status: Int32, output: String)
    case syscall(String, path: String, errno: Int32)
    case noHostKeys(String)

    public var description: String {
        switch self {
        case let .invalidName(name, reason):
            return "invalid container name '\(name)': \(reason)"
        case let .unknownContainer(name):
            return "no container named '\(name)'; `roost list` shows the containers there are"
        case let .duplicateName(name):
            return "a container named '\(name)' already exists; choose another name or `roost destroy \(name)` first"
        case let .notCreatedByRoost(name, path):
            return "\(path) exists but roost has no record of a container '\(name)'; roost will not touch it: move it away or pick another name"
        case let .incomplete(name):
            return "container '\(name)' was not completely created (was roost interrupted?); `roost destroy \(name)` removes what is left"
        case let .invalidAddress(text):
            return "'\(text)' is not an IPv4 address (expected four numbers 0-255 like 10.233.0.1)"
        case let .addressInUse(address, by):
            return "address \(address) is already in use by \(by); pick another or leave it out to get a free one"
        case .addressesWithoutPrivateNetwork:
            return "--host-address and --local-address need a private network: add --private-network"
        case .addressPoolExhausted:
            return "no free address pair left in 10.233.0.0/16; give --host-address and --local-address yourself"
        case .notRoot:
            return "roost must run as root to manage containers (it needs CAP_SYS_ADMIN): run it with sudo"
        case let .missingProgram(program, package):
            return "\(program) is not installed: run `apt-get install \(package)` (or `make deps`)"
        case let .hostNotUsrMerged(path):
            return "the host is not usr-merged (\(path) is not a symlink into /usr); containers share the host's /usr and need a merged layout"
        case let .invalidManifest(path, reason):
            return "cannot read the manifest \(path): \(reason)"
        case let .notRunning(name):
            return "container '\(name)' is not running; start it with `roost start \(name)`"
        case let .alreadyRunning(name):
            return "container '\(name)' is already running; stop it first with `roost stop \(name)`"
        case let .runByOther(name, pid):
            return "systemd-nspawn (pid \(pid)) runs the root of '\(name)' but was not started by roost; stop it first"
        case let .noPrivateNetwork(name):
            return "container '\(name)' shares the host's network and has no address of its own (create it with --private-network)"
        case let .bootFailed(name, reason, log):
            return "container '\(name)' failed to boot: \(reason); see \(log)"
        case let .notReady(name, seconds, log):
            return "container '\(name)' did not report ready within \(seconds) s and was terminated; see \(log)"
        case let .lockTimeout(name, seconds):
            return "another roost has held the lock of '\(name)' for \(seconds) s; wait for it to finish and retry"
        case let .commandFailed(command, status, output):
            let detail = output.split(separator: "\n").last.map { ": \($0)" } ?? ""
            return "`\(command)` failed with status \(status)\(detail)"
        case let .syscall(call, path, code):
            return "\(call)(\(path)) failed: \(String(cString: strerror(code))) (errno \(code))"
        case let .noHostKeys(name):
            return "container '\(name)' has no ssh host keys; run `roost show-host-key \(name)` without --no-generate to make them"
        }
    }

    /// The error of a failed syscall, reading errno at the point of failure.
    static func errno(_ call: String, _ path: String) -> ContainerError {
        .syscall(call, path: path, errno: Glibc.errno)
    }
}
