// `destroy`: stop the container (killing it if it will not stop), remove its
// network, cgroups and runtime state, then its root and record. The root is
// first renamed aside, so a destroy interrupted while deleting leaves no
// half-container under its name. Only paths derived from this one name are
// touched; a root without a roost record is never deleted.

import Glibc

extension ContainerEngine {
    public func destroy(_ name: ContainerName) throws(ContainerError) {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        guard let record = try ContainerRecord.load(from: paths.record(name)) else {
            try removeTree(paths.creating(name))
            try removeTree(paths.destroying(name))
            if access(paths.root(name), F_OK) == 0 {
                throw .notCreatedByRoost(name: name.value, path: paths.root(name))
            }
            throw .unknownContainer(name.value)
        }
        if let other = foreignNspawns(name).first { throw .runByOther(name: name.value, pid: other) }
        if runningNspawn(name) != nil { stopLocked(record) }
        terminateLocked(record)
        try removeTree(paths.runtimeDirectory(name))
        try unmountBelow(paths.root(name))
        try removeTree(paths.destroying(name))
        if access(paths.root(name), F_OK) == 0 {
            guard rename(paths.root(name), paths.destroying(name)) == 0 else { throw .errno("rename", paths.root(name)) }
        }
        guard unlink(paths.record(name)) == 0 || Glibc.errno == ENOENT else { throw .errno("unlink", paths.record(name)) }
        try removeTree(paths.destroying(name))
        try removeTree(paths.creating(name))
        // systemd-nspawn's lock file for the root, left behind when nspawn was killed.
        unlink(paths.containers + "/.#" + name.value + ".lck")
    }

    /// Lazily unmounts anything the host has mounted inside the root (roost
    /// itself mounts nothing there; this guards the deletion that follows).
    func unmountBelow(_ root: String) throws(ContainerError) {
        let inside = MountTable.mountPoints().filter { $0 == root || $0.hasPrefix(root + "/") }
        for mountPoint in inside.sorted(by: { $0.count > $1.count }) {
            guard umount2(mountPoint, Int32(MNT_DETACH)) == 0 else { throw .errno("umount", mountPoint) }
        }
    }
}
