// A container's root directory, opened once and walked with *at() calls that
// never follow symlinks. A container's root user controls everything below
// its root, so a path like etc/roost could be a link to the host's /etc by
// the time roost writes there again; every access here refuses such links.
// It writes entries RootLayout decided; it decides nothing itself.

import Glibc

public final class RootDirectory {
    public let path: String
    private let fd: Int32

    public init(path: String) throws(ContainerError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .errno("open", path) }
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Linux O_PATH (010000000): a descriptor naming a file without opening
    /// it; Glibc hides the constant behind _GNU_SOURCE.
    public static let pathOnly: Int32 = 0o10000000

    /// Writes every entry. Existing directories are kept as they are; files
    /// and links are replaced atomically (rename over the old one).
    public func write(_ entries: [RootEntry]) throws(ContainerError) {
        for entry in entries {
            let (parentPath, name) = RootDirectory.split(entry.path)
            let parent = try openDirectory(parentPath, create: true)
            defer { if parent != fd { close(parent) } }
            let full = path + "/" + entry.path
            switch entry.kind {
            case .directory:
                if mkdirat(parent, name, 0o700) == 0 {
                    guard fchownat(parent, name, entry.uid, entry.gid, AT_SYMLINK_NOFOLLOW) == 0 else { throw .errno("chown", full) }
                    guard fchmodat(parent, name, entry.mode, 0) == 0 else { throw .errno("chmod", full) }
                } else if Glibc.errno != EEXIST {
                    throw .errno("mkdir", full)
                }
            case let .file(text):
                let temporary = ".#\(name).roost"
                unlinkat(parent, temporary, 0)
                let file = openat(parent, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                guard file >= 0 else { throw .errno("open", full) }
                var ok = RootDirectory.writeAll(file, Array(text.utf8))
                ok = ok && fchown(file, entry.uid, entry.gid) == 0 && fchmod(file, entry.mode) == 0
                let code = Glibc.errno
                close(file)
                guard ok else { unlinkat(parent, temporary, 0); throw .syscall("write", path: full, errno: code) }
                guard renameat(parent, temporary, parent, name) == 0 else { throw .errno("rename", full) }
            case let .symlink(target):
                let temporary = ".#\(name).roost"
                unlinkat(parent, temporary, 0)
                guard symlinkat(target, parent, temporary) == 0 else { throw .errno("symlink", full) }
                guard renameat(parent, temporary, parent, name) == 0 else { throw .errno("rename", full) }
            }
        }
    }

    /// An O_PATH descriptor of `relative`, which itself may be anything but a
    /// symlink and whose parents must be real directories. The caller closes it.
    public func openPath(_ relative: String) throws(ContainerError) -> Int32 {
        let (parentPath, name) = RootDirectory.split(relative)
        let parent = try openDirectory(parentPath, create: false)
        defer { if parent != fd { close(parent) } }
        let result = openat(parent, name, RootDirectory.pathOnly | O_NOFOLLOW | O_CLOEXEC)
        guard result >= 0 else { throw .errno("open", path + "/" + relative) }
        var info = stat()
        if fstat(result, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            close(result)
            throw .syscall("open", path: path + "/" + relative, errno: ELOOP)
        }
        return result
    }

    /// Reads a regular file of at most `limit` bytes, refusing symlinks.
    public func readFile(_ relative: String, limit: Int = 1 << 20) throws(ContainerError) -> String {
        let (parentPath, name) = RootDirectory.split(relative)
        let parent = try openDirectory(parentPath, create: false)
        defer { if parent != fd { close(parent) } }
        let file = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { throw .errno("open", path + "/" + relative) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .syscall("read", path: path + "/" + relative, errno: EINVAL)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while bytes.count < limit {
            let count = read(file, &buffer, buffer.count)
            if count < 0 { if Glibc.errno == EINTR { continue }; throw .errno("read", path + "/" + relative) }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes.prefix(limit), as: UTF8.self)
    }

    /// Whether `relative` exists (without following a final symlink).
    public func exists(_ relative: String) -> Bool {
        guard let descriptor = try? openPath(relative) else { return false }
        close(descriptor)
        return true
    }

    /// Opens (and with `create`, makes) each directory of `relative` in turn.
    private func openDirectory(_ relative: String, create: Bool) throws(ContainerError) -> Int32 {
        var current = fd
        var walked = path
        for component in relative.split(separator: "/") where !component.isEmpty {
            let name = String(component)
            walked += "/" + name
            guard name != "..", name != "." else { throw .syscall("open", path: walked, errno: EINVAL) }
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && Glibc.errno == ENOENT && create {
                if mkdirat(current, name, 0o755) != 0 && Glibc.errno != EEXIST {
                    let code = Glibc.errno
                    if current != fd { close(current) }
                    throw .syscall("mkdir", path: walked, errno: code)
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = Glibc.errno
            if current != fd { close(current) }
            // ELOOP/ENOTDIR: a symlink or a file where a directory should be.
            guard next >= 0 else { throw .syscall("open", path: walked, errno: code) }
            current = next
        }
        return current
    }

    static func split(_ relative: String) -> (parent: String, name: String) {
        guard let slash = relative.lastIndex(of: "/") else { return ("", relative) }
        return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 { if Glibc.errno == EINTR { continue }; return false }
            offset += written
        }
        return true
    }
}
