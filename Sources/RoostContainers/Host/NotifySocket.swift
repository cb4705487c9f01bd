// The sd_notify datagram socket `roost start` listens on while nspawn boots a
// container: nspawn sends X_NSPAWN_LEADER_PID=… (the container's PID 1 as the
// host sees it) and, thanks to --notify-ready=yes, READY=1 once the
// container's systemd has finished starting up. It only receives and parses.

import Glibc

public final class NotifySocket {
    public let path: String
    private let fd: Int32

    public init(path: String) throws(ContainerError) {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .errno("socket", path) }
        var address = sockaddr_un()
        guard UnixAddress.fill(&address, path: path) else { close(fd); throw .syscall("bind", path: path, errno: ENAMETOOLONG) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { let code = Glibc.errno; close(fd); throw .syscall("bind", path: path, errno: code) }
        chmod(path, 0o600)
        self.path = path
        self.fd = fd
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Waits up to `milliseconds` for one message and returns its fields, or
    /// nil if none came.
    public func receive(milliseconds: Int32) -> [String: String]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
        guard count > 0 else { return nil }
        return NotifySocket.parse(String(decoding: buffer[0..<count], as: UTF8.self))
    }

    /// Parses "KEY=value" lines, as sd_notify sends them.
    public static func parse(_ message: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in message.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        return fields
    }
}

enum UnixAddress {
    /// Fills a sockaddr_un; false if the path does not fit sun_path.
    static func fill(_ address: inout sockaddr_un, path: String) -> Bool {
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return true
    }
}
