// `start`: under the container's lock, rewrite the engine's files in its /etc,
// prepare its network and cgroup, launch systemd-nspawn detached (its own
// session, output in /run/roost/containers/NAME/console.log) and wait on the
// notify socket until the container's systemd reports READY=1. A start that
// fails or times out terminates what it launched and cleans up after itself.

import Foundation
import Glibc

extension ContainerEngine {
    public enum StartOutcome: Equatable, Sendable {
        case started(leader: Int32)
        case alreadyRunning
    }

    @discardableResult
    public func start(_ name: ContainerName) throws(ContainerError) -> StartOutcome {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        return try startLocked(try existing(name))
    }

    func startLocked(_ record: ContainerRecord) throws(ContainerError) -> StartOutcome {
        let name = record.name
        if runningNspawn(name) != nil { return .alreadyRunning }
        cleanUpRuntime(record)
        let nspawnPath = try HostProgram.systemdNspawn.locate()
        let shell = try HostProgram.sh.locate()
        try RootDirectory(path: paths.root(name)).write(RootLayout.engine())

        try FileWrite.directory(paths.runtimeDirectory(name), mode: 0o700)
        let log = open(paths.consoleLog(name), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard log >= 0 else { throw .errno("open", paths.consoleLog(name)) }
        defer { close(log) }

        do throws(ContainerError) {
            var nspawn = SystemdNspawn(name: name, root: paths.root(name), bindMounts: record.manifest.bindMounts,
                                       sharedReadOnly: access(paths.store, F_OK) == 0 ? [paths.store] : [])
            nspawn.executable = nspawnPath
            if record.network.privateNetwork {
                guard let host = record.network.hostAddress, let local = record.network.localAddress else {
                    throw ContainerError.invalidManifest(path: paths.record(name), reason: "private network without addresses")
                }
                try FileWrite.directory(paths.netnsDirectory, mode: 0o700)
                try PrivateNetwork(name: name, namespacePath: paths.netns(name), pair: AddressPair(host: host, local: local)).setUp()
                nspawn.networkNamespace = paths.netns(name)
            }
            let cgroup = Cgroup(name: name)
            try cgroup.create()
            let notify = try NotifySocket(path: paths.notifySocket(name))
            var program = nspawn.invocation
            program.environment["NOTIFY_SOCKET"] = notify.path
            var launcher = CgroupLauncher(procsFiles: cgroup.procsFiles, program: program)
            launcher.shell = shell
            let pid = try Runner.spawnDetached(launcher.invocation, log: log)
            try FileWrite.atomically(path: paths.nspawnPID(name), bytes: Array("\(pid)\n".utf8), mode: 0o644)
            let leader = try waitUntilReady(name, nspawn: pid, notify: notify)
            try FileWrite.atomically(path: paths.leaderPID(name), bytes: Array("\(leader)\n".utf8), mode: 0o644)
            return .started(leader: leader)
        } catch {
            terminateLocked(record)
            throw error
        }
    }

    /// Reads the notify socket until READY=1, checking that nspawn still lives.
    func waitUntilReady(_ name: ContainerName, nspawn pid: Int32, notify: NotifySocket) throws(ContainerError) -> Int32 {
        let deadline = Clock.now() + readyTimeout
        var leader: Int32?
        while Clock.now() < deadline {
            if let message = notify.receive(milliseconds: 100) {
                if let text = message["X_NSPAWN_LEADER_PID"], let value = Int32(text) { leader = value }
                if message["READY"] == "1" {
                    if let leader { return leader }
                    // Older nspawn does not say; the container's init is its only child.
                    if let child = Processes.children(pid).first { return child }
                }
                continue
            }
            if !Processes.isAlive(pid) {
                var status: Int32 = 0
                let reaped = waitpid(pid, &status, WNOHANG) == pid
                let reason = reaped ? "systemd-nspawn exited with status \(Runner.exitStatus(status))" : "systemd-nspawn exited"
                throw .bootFailed(name: name.value, reason: reason + ContainerEngine.lastLine(of: paths.consoleLog(name)),
                                  log: paths.consoleLog(name))
            }
        }
        throw .notReady(name: name.value, seconds: Int(readyTimeout), log: paths.consoleLog(name))
    }

    /// The last meaningful line of the console log, to quote in an error.
    static func lastLine(of log: String) -> String {
        guard let text = Processes.read(log) else { return "" }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Press ^]") && !$0.contains("cgroup") }
        return lines.last.map { " (\($0))" } ?? ""
    }
}

