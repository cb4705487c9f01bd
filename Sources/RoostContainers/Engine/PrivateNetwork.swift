// A container's private network on the host: a network namespace kept at
// /run/roost/netns/NAME, a veth pair c-NAME (host) <-> eth0 (inside it), and
// /32 addresses with routes both ways. Set up before nspawn starts, so eth0 is
// ready when the container's systemd boots; torn down after it stops. Only
// c-NAME and NAME's namespace are ever touched.

import Glibc

struct PrivateNetwork {
    let name: ContainerName
    let namespacePath: String
    /// nil when only tearing down.
    let pair: AddressPair?

    func setUp() throws(ContainerError) {
        guard let pair else { return }
        tearDown()
        let ip = IP(executable: try HostProgram.ip.locate())
        let nsenter = Nsenter(executable: try HostProgram.nsenter.locate())
        let unshare = Unshare(executable: try HostProgram.unshare.locate())
        let directory = String(namespacePath[..<(namespacePath.lastIndex(of: "/") ?? namespacePath.endIndex)])
        try FileWrite.directory(directory, mode: 0o700)
        let placeholder = open(namespacePath, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard placeholder >= 0 else { throw .errno("open", namespacePath) }
        close(placeholder)
        do {
            try Runner.check(unshare.persistentNetworkNamespace(at: namespacePath))
            try Runner.check(ip.addVethPair(hostInterface: name.hostInterface, namespacePath: namespacePath))
            try Runner.check(ip.batch(), input: Array(IP.hostSide(interface: name.hostInterface,
                                                                    host: pair.host, local: pair.local).utf8))
            try Runner.check(nsenter.network(namespacePath, ip.batch()),
                             input: Array(IP.containerSide(host: pair.host, local: pair.local).utf8))
        } catch {
            tearDown()
            throw error
        }
    }

    /// Deletes c-NAME (which takes eth0 with it) and the namespace's bind
    /// mount; each step is skipped when there is nothing to remove.
    func tearDown() {
        if HostInterfaces.exists(name.hostInterface), let ip = try? HostProgram.ip.locate() {
            _ = try? Runner.run(IP(executable: ip).deleteLink(name.hostInterface))
        }
        if PrivateNetwork.isMountPoint(namespacePath) { umount2(namespacePath, Int32(MNT_DETACH)) }
        unlink(namespacePath)
    }

    /// Whether `path` is listed as a mount point in /proc/self/mountinfo.
    static func isMountPoint(_ path: String) -> Bool {
        MountTable.mountPoints().contains(path)
    }
}

/// The mount points of roost's own mount namespace.
enum MountTable {
    static func mountPoints() -> [String] {
        guard let text = Processes.read("/proc/self/mountinfo") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { return nil }
            return unescape(String(fields[4]))
        }
    }

    /// mountinfo escapes space, tab, newline and backslash as \ooo.
    static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
