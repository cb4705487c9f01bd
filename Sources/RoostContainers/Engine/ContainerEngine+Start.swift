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
        if let other = foreignNspawns(name).first { throw .runByOther(name: name.value, pid: other) }
        cleanUpRuntime(record)
        let shell = try HostProgram.sh.locate()
        let log = try openConsoleLog(name)
        defer { close(log) }
        do throws(ContainerError) {
            var program = try prepare(record).invocation
            let cgroup = Cgroup(name: name)
            try cgroup.create()
            let notify = try NotifySocket(path: paths.notifySocket(name))
            program.environment["NOTIFY_SOCKET"] = notify.path
            var launcher = Launcher(pidFiles: cgroup.procsFiles + [paths.nspawnPID(name)], program: program)
            launcher.shell = shell
            let pid = try Runner.spawnDetached(launcher.invocation, log: log)
            let leader = try waitUntilReady(name, nspawn: pid, notify: notify)
            try FileWrite.atomically(path: paths.leaderPID(name), bytes: Array("\(leader)\n".utf8), mode: 0o644)
            return .started(leader: leader)
        } catch {
            terminateLocked(record)
            throw error
        }
    }

    /// For a service manager (dist/roost-container@.service): does what
    /// `start` does up to launching nspawn and returns the command line, which
    /// the caller execs in its own place. The service manager then supervises
    /// nspawn, keeps it in the service's (delegated) cgroup and receives the
    /// READY=1 itself through its own NOTIFY_SOCKET.
    public func prepareForeground(_ name: ContainerName) throws(ContainerError) -> Invocation {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        let record = try existing(name)
        if runningNspawn(name) != nil { throw .alreadyRunning(name.value) }
        if let other = foreignNspawns(name).first { throw .runByOther(name: name.value, pid: other) }
        cleanUpRuntime(record)
        do throws(ContainerError) {
            var launcher = Launcher(pidFiles: [paths.nspawnPID(name)], program: try prepare(record).invocation)
            launcher.shell = try HostProgram.sh.locate()
            return launcher.invocation
        } catch {
            cleanUpRuntime(record)
            throw error
        }
    }

    /// Rewrites the engine's files in the container's /etc, makes the runtime
    /// directory and sets up the private network; returns nspawn's command.
    func prepare(_ record: ContainerRecord) throws(ContainerError) -> SystemdNspawn {
        let name = record.name
        if let old = HostLimits.raiseInotifyInstances() {
            notice("raised fs.inotify.max_user_instances from \(old) to \(HostLimits.inotifyInstances) so more containers can boot")
        }
        var nspawn = SystemdNspawn(name: name, root: paths.root(name), bindMounts: record.manifest.bindMounts,
                                   sharedReadOnly: access(paths.store, F_OK) == 0 ? [paths.store] : [])
        nspawn.executable = try HostProgram.systemdNspawn.locate()
        try RootDirectory(path: paths.root(name)).write(RootLayout.engine())
        try FileWrite.directory(paths.runtimeDirectory(name), mode: 0o700)
        if record.network.privateNetwork {
            guard let host = record.network.hostAddress, let local = record.network.localAddress else {
                throw .invalidManifest(path: paths.record(name), reason: "private network without addresses")
            }
            try FileWrite.directory(paths.netnsDirectory, mode: 0o700)
            try PrivateNetwork(name: name, namespacePath: paths.netns(name), pair: AddressPair(host: host, local: local)).setUp()
            nspawn.networkNamespace = paths.netns(name)
        }
        return nspawn
    }

    func openConsoleLog(_ name: ContainerName) throws(ContainerError) -> Int32 {
        try FileWrite.directory(paths.runtimeDirectory(name), mode: 0o700)
        let log = open(paths.consoleLog(name), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard log >= 0 else { throw .errno("open", paths.consoleLog(name)) }
        return log
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

