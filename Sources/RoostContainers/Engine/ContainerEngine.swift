// The container engine: create, start, stop, terminate, restart, destroy,
// status and list, each a method on this value (split by concern into
// ContainerEngine+*.swift). Every method that changes a container holds that
// container's lock; creates also hold the create lock so names and addresses
// are handed out once. The engine never prints; `notice` carries progress
// messages ("waiting for the lock") to whoever wants them.

import Glibc

public struct ContainerEngine: Sendable {
    public var paths: ContainerPaths
    /// How long a command waits for another roost holding the container's lock.
    public var lockTimeout: Double = 60
    /// How long `start` waits for the container's systemd to report ready.
    public var readyTimeout: Double = 30
    /// How long `stop` waits for a clean shutdown before killing.
    public var stopTimeout: Double = 10
    public var notice: @Sendable (String) -> Void

    public init(paths: ContainerPaths = ContainerPaths(), notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.paths = paths
        self.notice = notice
    }

    /// Containers are namespaces, mounts and cgroups: only root can make them.
    func requireRoot() throws(ContainerError) {
        guard geteuid() == 0 else { throw .notRoot }
    }

    /// Takes the lock of one container (making the lock directory if needed).
    func lock(_ name: ContainerName) throws(ContainerError) -> FileLock {
        try FileWrite.directory(paths.locks, mode: 0o700)
        let notice = self.notice
        return try FileLock(path: paths.lock(name), timeout: lockTimeout, name: name.value) {
            notice("waiting for another roost working on '\(name)'…")
        }
    }

    func createLock() throws(ContainerError) -> FileLock {
        try FileWrite.directory(paths.locks, mode: 0o700)
        let notice = self.notice
        return try FileLock(path: paths.createLock, timeout: lockTimeout, name: "create") {
            notice("waiting for another roost creating a container…")
        }
    }

    /// The record of an existing, complete container (under its lock).
    func existing(_ name: ContainerName) throws(ContainerError) -> ContainerRecord {
        guard let record = try ContainerRecord.load(from: paths.record(name)) else {
            if access(paths.root(name), F_OK) == 0 {
                throw .notCreatedByRoost(name: name.value, path: paths.root(name))
            }
            throw .unknownContainer(name.value)
        }
        guard access(paths.root(name), F_OK) == 0 else { throw .incomplete(name.value) }
        return record
    }

    /// The container's PID 1 on the host, for entering it; fails unless it runs.
    public func leader(_ name: ContainerName) throws(ContainerError) -> Int32 {
        let current = try status(name)
        guard current.state == .running, let leader = current.leaderPID else { throw .notRunning(name.value) }
        return leader
    }

    /// Removes everything a run leaves on the host: the network namespace and
    /// veth, the cgroups, the pid files and the notify socket. The console log
    /// stays for reading after a failure; `destroy` removes it with the rest.
    func cleanUpRuntime(_ record: ContainerRecord) {
        let name = record.name
        if record.network.privateNetwork {
            PrivateNetwork(name: name, namespacePath: paths.netns(name), pair: nil).tearDown()
        }
        let cgroup = Cgroup(name: name)
        if !cgroup.processes().isEmpty { cgroup.killAll() }
        let deadline = Clock.now() + 5
        while !cgroup.remove() && Clock.now() < deadline { Clock.sleep(milliseconds: 20) }
        for file in [paths.nspawnPID(name), paths.leaderPID(name), paths.notifySocket(name)] { unlink(file) }
    }
}
