// Kernel limits that a host with many containers outgrows. Every container's
// processes run as the host's root (no user namespaces), and each container's
// systemd needs several inotify instances, so the default per-user limit of
// 128 stops the 28th container from booting ("Too many open files"). Starting
// a container raises the limit; nothing is ever lowered.

import Glibc

public enum HostLimits {
    public static let inotifyInstancesPath = "/proc/sys/fs/inotify/max_user_instances"
    /// Enough for hundreds of containers; a few per container are used.
    public static let inotifyInstances = 8192

    /// Raises fs.inotify.max_user_instances to `inotifyInstances` if it is
    /// lower; returns the old value when it changed it.
    @discardableResult
    public static func raiseInotifyInstances(path: String = inotifyInstancesPath) -> Int? {
        guard let text = Processes.read(path),
              let current = Int(text.filter { $0.isNumber }), current < inotifyInstances else { return nil }
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return RootDirectory.writeAll(fd, Array("\(inotifyInstances)\n".utf8)) ? current : nil
    }
}
