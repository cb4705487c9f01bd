// Nix archives (NAR) of file trees: the serialization whose sha256 names a
// tree added to the store (`builtins.path`, `filterSource`, `"${./dir}"`).
// The walk is iterative (an explicit stack, no recursion per directory
// level), works on raw byte names, and can copy the tree while hashing it, so
// a tree is read once. It does not decide where the copy ends up (see
// StorePath+Write.swift).

import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The kind of a file, with the names `readDir` and path filters use.
public enum FileKind: String, Sendable {
    case regular, directory, symlink, unknown

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        default: self = .unknown
        }
    }
}

/// Feeds NAR bytes into a running sha256.
struct ArchiveHasher {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func bytes(_ b: UnsafeRawBufferPointer) {
        if buffer.count + b.count > 1 << 16 { flush() }
        if b.count >= 1 << 16 { hasher.update(bufferPointer: b) } else { buffer.append(contentsOf: b) }
    }

    mutating func u64(_ n: UInt64) {
        var le = n.littleEndian
        withUnsafeBytes(of: &le) { bytes($0) }
    }

    mutating func padding(_ length: UInt64) {
        let pad = Int((8 - length % 8) % 8)
        if pad > 0 { [UInt8](repeating: 0, count: pad).withUnsafeBytes { bytes($0) } }
    }

    mutating func string(_ s: [UInt8]) {
        u64(UInt64(s.count))
        s.withUnsafeBytes { bytes($0) }
        padding(UInt64(s.count))
    }

    mutating func string(_ s: StaticString) {
        string(Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)))
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() -> [UInt8] {
        flush()
        return Array(hasher.finalize())
    }
}

/// A failure while reading or copying a tree, with the path and errno text.
public struct ArchiveError: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
    static func syscall(_ call: String, _ path: [UInt8]) -> ArchiveError {
        let text = String(cString: strerror(errno))
        return ArchiveError("\(call) '\(String(decoding: path, as: UTF8.self))': \(text)")
    }
}

enum Archive {
    /// Decides whether an entry below the root is included: (absolute path, kind).
    typealias Filter = (String, FileKind) throws -> Bool

    static func lstatPath(_ path: [UInt8]) throws -> stat {
        var st = stat()
        let rc = lstat(path.cPath, &st)
        if rc != 0 { throw ArchiveError.syscall("getting status of", path) }
        return st
    }

    static func readLink(_ path: [UInt8]) throws -> [UInt8] {
        var buf = [Int8](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path.cPath, &buf, buf.count - 1)
        if n < 0 { throw ArchiveError.syscall("reading symbolic link", path) }
        return buf[0..<n].map { UInt8(bitPattern: $0) }
    }

    /// Entry names of a directory (without `.` and `..`), sorted byte-wise as NAR requires.
    static func entries(_ path: [UInt8]) throws -> [[UInt8]] {
        guard let dir = opendir(path.cPath) else {
            throw ArchiveError.syscall("opening directory", path)
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let ent = readdir(dir) {
            let name: [UInt8] = withUnsafePointer(to: &ent.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: 256) { c in
                    Array(UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [46] || name == [46, 46] { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return names
    }

    private struct Frame {
        let source: [UInt8]
        let copy: [UInt8]?
        let names: [[UInt8]]
        var next = 0
        let isRoot: Bool
    }

    /// The sha256 of the NAR of `root`; when `copyTo` is given, also
    /// recreates the (filtered) tree there, read-only like a store entry.
    static func hash(root: [UInt8], filter: Filter?, copyTo: [UInt8]?) throws -> [UInt8] {
        var h = ArchiveHasher()
        h.string("nix-archive-1")
        var stack: [Frame] = []
        // Emits one node; directories push a frame and close when it pops.
        func node(_ path: [UInt8], _ st: stat, copy: [UInt8]?, isRoot: Bool) throws {
            h.string("(")
            h.string("type")
            switch FileKind(mode: st.st_mode) {
            case .regular:
                h.string("regular")
                let executable = st.st_mode & S_IXUSR != 0
                if executable { h.string("executable"); h.string("") }
                h.string("contents")
                try fileContents(path, size: UInt64(st.st_size), into: &h, copy: copy, executable: executable)
                h.string(")")
            case .symlink:
                h.string("symlink")
                h.string("target")
                let target = try readLink(path)
                h.string(target)
                if let copy, symlink(target.cPath, copy.cPath) != 0 {
                    throw ArchiveError.syscall("creating symbolic link", copy)
                }
                h.string(")")
            case .directory:
                h.string("directory")
                if let copy, mkdir(copy.cPath, 0o755) != 0 {
                    throw ArchiveError.syscall("creating directory", copy)
                }
                stack.append(Frame(source: path, copy: copy, names: try entries(path), isRoot: isRoot))
                return
            case .unknown:
                throw ArchiveError("file '\(String(decoding: path, as: UTF8.self))' has an unsupported type")
            }
        }
        try node(root, try lstatPath(root), copy: copyTo, isRoot: true)
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next == stack[top].names.count {
                let done = stack.removeLast()
                if let copy = done.copy { _ = chmod(copy.cPath, 0o555) }
                h.string(")")
                if !done.isRoot { h.string(")") }
                continue
            }
            let name = stack[top].names[stack[top].next]
            stack[top].next += 1
            let child = stack[top].source + [47] + name
            // Never archive the copy being written (adding a tree that contains the store).
            if let copyTo, child == copyTo { continue }
            let st = try lstatPath(child)
            if let filter, try !filter(String(decoding: child, as: UTF8.self), FileKind(mode: st.st_mode)) { continue }
            h.string("entry")
            h.string("(")
            h.string("name")
            h.string(name)
            h.string("node")
            let depth = stack.count
            try node(child, st, copy: stack[top].copy.map { $0 + [47] + name }, isRoot: false)
            if stack.count == depth { h.string(")") }
        }
        return h.finish()
    }

    private static func fileContents(_ path: [UInt8], size: UInt64, into h: inout ArchiveHasher,
                                     copy: [UInt8]?, executable: Bool) throws {
        let fd = open(path.cPath, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ArchiveError.syscall("opening file", path) }
        defer { close(fd) }
        var out: Int32 = -1
        if let copy {
            out = open(copy.cPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if out < 0 { throw ArchiveError.syscall("creating file", copy) }
        }
        defer { if out >= 0 { close(out) } }
        h.u64(size)
        var total: UInt64 = 0
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw ArchiveError.syscall("reading file", path) }
            if n == 0 { break }
            // A file that grows while read must not desynchronise the archive.
            let take = Int(min(UInt64(n), size &- total))
            if take == 0 { break }
            try buf.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<take])
                h.bytes(chunk)
                if out >= 0 { try writeAll(out, chunk, path: copy ?? []) }
            }
            total &+= UInt64(take)
        }
        if total != size { throw ArchiveError("file '\(String(decoding: path, as: UTF8.self))' changed while it was read") }
        h.padding(size)
        if let copy { _ = chmod(copy.cPath, executable ? 0o555 : 0o444) }
    }

    static func writeAll(_ fd: Int32, _ data: UnsafeRawBufferPointer, path: [UInt8]) throws {
        var offset = 0
        while offset < data.count {
            let n = write(fd, data.baseAddress.map { $0 + offset }, data.count - offset)
            if n < 0 { if errno == EINTR { continue }; throw ArchiveError.syscall("writing to file", path) }
            offset += n
        }
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a NUL-terminated C string, for passing a raw path to libc.
    var cPath: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}
