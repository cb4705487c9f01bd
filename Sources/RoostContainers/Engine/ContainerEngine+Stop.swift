// `stop`, `terminate` and `restart`. Stop asks the container's systemd to
// power off (SIGRTMIN+4 to its PID 1) and waits; after the timeout it kills.
// Terminate kills at once: SIGKILL to PID 1 ends the container's whole PID
// namespace, and anything left in its cgroup is killed too. Both end by
// removing the run's traces from the host (network, cgroups, pid files).

import Glibc

extension ContainerEngine {
    public enum StopOutcome: Equatable, Sendable {
        case stopped
        /// The clean shutdown took longer than the timeout; it was killed.
        case killedAfterTimeout
        case notRunning
    }

    @discardableResult
    public func stop(_ name: ContainerName) throws(ContainerError) -> StopOutcome {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        return stopLocked(try existing(name))
    }

    @discardableResult
    public func terminate(_ name: ContainerName) throws(ContainerError) -> StopOutcome {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        let record = try existing(name)
        guard runningNspawn(name) != nil else {
            cleanUpRuntime(record)
            return .notRunning
        }
        terminateLocked(record)
        return .stopped
    }

    @discardableResult
    public func restart(_ name: ContainerName) throws(ContainerError) -> StartOutcome {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        let record = try existing(name)
        stopLocked(record)
        return try startLocked(record)
    }

    @discardableResult
    func stopLocked(_ record: ContainerRecord) -> StopOutcome {
        let name = record.name
        guard let nspawn = runningNspawn(name) else {
            cleanUpRuntime(record)
            return .notRunning
        }
        if let leader = runningLeader(name, nspawn: nspawn) {
            kill(leader, Processes.powerOffSignal)
        } else {
            // Without a known PID 1, nspawn turns SIGTERM into a clean shutdown.
            kill(nspawn, SIGTERM)
        }
        if Processes.waitUntilGone(nspawn, timeout: stopTimeout) {
            cleanUpRuntime(record)
            return .stopped
        }
        notice("'\(name)' did not power off within \(Int(stopTimeout)) s; killing it")
        terminateLocked(record)
        return .killedAfterTimeout
    }

    /// Kills the container now and cleans up; safe to call whatever state it is in.
    func terminateLocked(_ record: ContainerRecord) {
        let name = record.name
        let nspawn = runningNspawn(name)
        if let nspawn, let leader = runningLeader(name, nspawn: nspawn) {
            kill(leader, SIGKILL)
        }
        if let nspawn, !Processes.waitUntilGone(nspawn, timeout: 5) {
            kill(nspawn, SIGKILL)
            _ = Processes.waitUntilGone(nspawn, timeout: 5)
        }
        Cgroup(name: name).killAll()
        cleanUpRuntime(record)
    }
}
