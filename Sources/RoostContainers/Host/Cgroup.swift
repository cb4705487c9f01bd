// Each container's own cgroup, roost/NAME, in every hierarchy systemd cares
// about (the unified one and, on hybrid hosts, name=systemd). Without a
// service manager nspawn stays where it is started (--keep-unit), so two
// containers started from the same cgroup would share one tree and their
// systemds would fight over it; roost moves nspawn into roost/NAME first.
// This file makes, lists, kills and removes those cgroups; nothing else.

import Glibc

public struct Cgroup: Sendable {
    /// roost/NAME in each hierarchy, e.g. /sys/fs/cgroup/unified/roost/foo.
    public let directories: [String]

    public init(name: ContainerName, hierarchies: [String] = Cgroup.hierarchies()) {
        directories = hierarchies.map { $0 + "/roost/" + name.value }
    }

    /// The mounted hierarchies nspawn's systemd uses: cgroup2 at
    /// /sys/fs/cgroup (pure v2), or unified plus name=systemd (hybrid).
    public static func hierarchies(root: String = "/sys/fs/cgroup") -> [String] {
        if access(root + "/cgroup.controllers", F_OK) == 0 { return [root] }
        return [root + "/unified", root + "/systemd"].filter { access($0 + "/cgroup.procs", F_OK) == 0 }
    }

    public func create() throws(ContainerError) {
        for directory in directories {
            let parent = String(directory[..<(directory.lastIndex(of: "/") ?? directory.endIndex)])
            for path in [parent, directory] where mkdir(path, 0o755) != 0 && Glibc.errno != EEXIST {
                throw .errno("mkdir", path)
            }
        }
    }

    /// The files a process writes its pid into to join these cgroups.
    public var procsFiles: [String] { directories.map { $0 + "/cgroup.procs" } }

    /// Every process in the container's cgroups (all levels), without duplicates.
    public func processes() -> [pid_t] {
        var found = Set<pid_t>()
        for directory in subtree() {
            guard let text = Cgroup.read(directory + "/cgroup.procs") else { continue }
            for line in text.split(separator: "\n") { if let pid = pid_t(line) { found.insert(pid) } }
        }
        return found.sorted()
    }

    /// Kills every process in the cgroups at once (cgroup.kill where the
    /// kernel has it, else SIGKILL to each pid found).
    public func killAll() {
        for directory in directories where access(directory + "/cgroup.kill", W_OK) == 0 {
            let fd = open(directory + "/cgroup.kill", O_WRONLY | O_CLOEXEC)
            if fd >= 0 { _ = RootDirectory.writeAll(fd, Array("1".utf8)); close(fd) }
        }
        for pid in processes() { kill(pid, SIGKILL) }
    }

    /// Removes the cgroups, deepest first. A cgroup that still has
    /// processes stays; the return value says whether all are gone.
    @discardableResult
    public func remove() -> Bool {
        for directory in subtree().reversed() { rmdir(directory) }
        return directories.allSatisfy { access($0, F_OK) != 0 }
    }

    /// The directories below (and including) roost/NAME, parents before children.
    func subtree() -> [String] {
        var result: [String] = []
        var pending = directories.filter { access($0, F_OK) == 0 }
        while !pending.isEmpty {
            let directory = pending.removeFirst()
            result.append(directory)
            guard let handle = opendir(directory) else { continue }
            while let entry = readdir(handle) {
                guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { pending.append(directory + "/" + name) }
            }
            closedir(handle)
        }
        return result
    }

    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
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

/// Starts a program after writing its pid into files: `sh` writes its own pid
/// into each (cgroup.procs files to join those cgroups, a pid file), then
/// execs the program, which keeps that pid.
public struct Launcher: Equatable, Sendable {
    public var shell = "/bin/sh"
    public var pidFiles: [String]
    public var program: Invocation

    public init(pidFiles: [String], program: Invocation) {
        self.pidFiles = pidFiles
        self.program = program
    }

    static let script = #"while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@""#

    public var invocation: Invocation {
        Invocation(shell, ["-c", Launcher.script, "roost-launch"] + pidFiles + ["--"] + program.argv,
                   environment: program.environment)
    }
}
