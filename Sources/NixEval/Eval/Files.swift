// Small file-system helpers over the C library (no Foundation in the hot
// path of imports): read a file, list a directory, read a symlink, write a
// file, create directories. Errors carry the path and the errno text.

import NixSyntax

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileError: Error, CustomStringConvertible {
    public let message: String
    public let path: String
    /// The system's text for the failure ("No such file or directory"), or the message.
    public let reason: String
    public init(_ message: String, path: String, reason: String? = nil) {
        self.message = message
        self.path = path
        self.reason = reason ?? message
    }
    static func errno(_ what: String, path: String) -> FileError {
        let text = String(cString: strerror(Glibc.errno))
        return FileError("\(what) '\(path)': \(text)", path: path, reason: text)
    }
    public var description: String { message.contains(path) ? message : "\(message) '\(path)'" }
}

public enum Files {
    /// Calls `body` with `path` as a C string of its exact bytes: a path
    /// that is not UTF-8 is held as its ExactRendering.
    public static func withCPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        if !path.utf8.contains(0xB7) { return try path.withCString(body) }
        let bytes = ExactRendering.bytes(of: path).map { CChar(bitPattern: $0) } + [0]
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return try "".withCString(body) }
            return try body(base)
        }
    }

    public static func read(_ path: String) throws -> [UInt8] {
        let fd = withCPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw FileError.errno("cannot open", path: path) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw FileError.errno("cannot read", path: path)
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    public static func readLink(_ path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = withCPath(path) { readlink($0, &buffer, 4096) }
        guard n >= 0 else { throw FileError.errno("cannot read link", path: path) }
        return ExactRendering.text(of: buffer[0..<n].map { UInt8(bitPattern: $0) })
    }

    /// Entry names of a directory, without `.` and `..`, in no particular order.
    public static func list(_ path: String) throws -> [String] {
        guard let dir = withCPath(path, { opendir($0) }) else { throw FileError.errno("cannot open directory", path: path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: 256) { ExactRendering.text(of: UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public static func write(_ path: String, _ data: [UInt8], executable: Bool = false) throws {
        let fd = withCPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o555 : 0o444) }
        guard fd >= 0 else { throw FileError.errno("cannot create", path: path) }
        defer { close(fd) }
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { buf -> Int in
                guard let base = buf.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buf.count - offset)
            }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw FileError.errno("cannot write", path: path)
            }
            offset += n
        }
    }

    /// `mkdir -p`.
    public static func makeDirectories(_ path: String) throws {
        if Paths.isDirectory(path) { return }
        let parent = Paths.directory(of: path)
        if parent != path && parent != "/" { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && Glibc.errno != EEXIST {
            throw FileError.errno("cannot create directory", path: path)
        }
    }
}
