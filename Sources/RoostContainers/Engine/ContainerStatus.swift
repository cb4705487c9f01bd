// What `roost status` and `roost list` report about a container, read from its
// record and its runtime files without taking any lock.

import Foundation
import Glibc

public struct ContainerStatus: Codable, Equatable, Sendable {
    public enum State: String, Codable, Sendable {
        case running
        case stopped
        /// The record exists but the root does not: an interrupted create.
        case incomplete
    }

    public var name: ContainerName
    public var state: State
    public var privateNetwork: Bool
    public var hostAddress: IPv4Address?
    public var localAddress: IPv4Address?
    public var hostInterface: String?
    /// The container's PID 1 as the host sees it, while it runs.
    public var leaderPID: Int32?
    /// The systemd-nspawn process, while it runs.
    public var nspawnPID: Int32?
    public var root: String
}

extension ContainerEngine {
    /// The status of one container; unknown names are an error.
    public func status(_ name: ContainerName) throws(ContainerError) -> ContainerStatus {
        guard let record = try ContainerRecord.load(from: paths.record(name)) else {
            if access(paths.root(name), F_OK) == 0 {
                throw .notCreatedByRoost(name: name.value, path: paths.root(name))
            }
            throw .unknownContainer(name.value)
        }
        return status(of: record)
    }

    func status(of record: ContainerRecord) -> ContainerStatus {
        let name = record.name
        let network = record.network
        var state: ContainerStatus.State = access(paths.root(name), F_OK) == 0 ? .stopped : .incomplete
        var leader: Int32?
        var nspawn: Int32?
        if state == .stopped, let pid = runningNspawn(name) {
            state = .running
            nspawn = pid
            leader = runningLeader(name, nspawn: pid)
        }
        return ContainerStatus(
            name: name, state: state, privateNetwork: network.privateNetwork,
            hostAddress: network.hostAddress, localAddress: network.localAddress,
            hostInterface: network.privateNetwork ? name.hostInterface : nil,
            leaderPID: leader, nspawnPID: nspawn, root: paths.root(name))
    }

    /// Every container roost has a record of, by name.
    public func list() throws(ContainerError) -> [ContainerStatus] {
        try records().map { status(of: $0) }
    }

    func records() throws(ContainerError) -> [ContainerRecord] {
        guard let handle = opendir(paths.records) else {
            if Glibc.errno == ENOENT { return [] }
            throw .errno("opendir", paths.records)
        }
        var names: [ContainerName] = []
        while let entry = readdir(handle) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard file.hasSuffix(".json"), let name = try? ContainerName(String(file.dropLast(5))) else { continue }
            names.append(name)
        }
        closedir(handle)
        var result: [ContainerRecord] = []
        for name in names.sorted() {
            if let record = try ContainerRecord.load(from: paths.record(name)) { result.append(record) }
        }
        return result
    }

    /// The pid of the container's systemd-nspawn if it is alive and really
    /// runs this container's root (pid files can outlive their process).
    func runningNspawn(_ name: ContainerName) -> Int32? {
        guard let pid = readPID(paths.nspawnPID(name)), Processes.isAlive(pid) else { return nil }
        let argv = Processes.commandLine(pid)
        guard argv.contains("--directory=" + paths.root(name)), argv.contains("--machine=" + name.value) else { return nil }
        return pid
    }

    /// systemd-nspawn processes running this container's root that roost did
    /// not start (someone ran nspawn by hand, or a service did).
    func foreignNspawns(_ name: ContainerName) -> [Int32] {
        let root = paths.root(name)
        let ours = runningNspawn(name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { Int32($0) }.filter { pid in
            guard pid != ours, Processes.isAlive(pid) else { return false }
            let argv = Processes.commandLine(pid)
            guard let program = argv.first, program.hasSuffix("systemd-nspawn") else { return false }
            return argv.indices.contains { index in
                argv[index] == "--directory=" + root
                    || (["-D", "--directory"].contains(argv[index]) && argv.indices.contains(index + 1) && argv[index + 1] == root)
            }
        }.sorted()
    }

    /// The container's PID 1: from leader.pid, or (when a service manager
    /// started nspawn and nobody recorded it) nspawn's child.
    func runningLeader(_ name: ContainerName, nspawn: Int32) -> Int32? {
        if let pid = readPID(paths.leaderPID(name)), Processes.isAlive(pid) { return pid }
        return Processes.children(nspawn).first { Processes.isAlive($0) }
    }

    func readPID(_ path: String) -> Int32? {
        guard let text = Processes.read(path) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0 > 0 ? $0 : nil }
    }
}

