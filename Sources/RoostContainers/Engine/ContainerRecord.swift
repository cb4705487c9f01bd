// roost's record of a container: its name and manifest, with the network as
// resolved at create (allocated addresses filled in). A container exists when
// its record and its root both do. Records are written atomically (temporary
// file, then rename) and are read by every command; roost never trusts
// anything inside a container's root for host-side decisions.

import Foundation
import Glibc

public struct ContainerRecord: Codable, Equatable, Sendable {
    public var version: Int
    public var name: ContainerName
    public var manifest: Manifest

    public init(name: ContainerName, manifest: Manifest) {
        version = 1
        self.name = name
        self.manifest = manifest
    }

    public var network: Manifest.Network { manifest.network }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// Writes the record to `path` atomically.
    public func save(to path: String) throws(ContainerError) {
        try FileWrite.atomically(path: path, bytes: Array(encoded()), mode: 0o600)
    }

    /// The record at `path`, or nil if there is none.
    public static func load(from path: String) throws(ContainerError) -> ContainerRecord? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if access(path, F_OK) == 0 { throw .errno("read", path) }
            return nil
        }
        do {
            return try JSONDecoder().decode(ContainerRecord.self, from: data)
        } catch let error as DecodingError {
            throw .invalidManifest(path: path, reason: Manifest.explain(error))
        } catch {
            throw .invalidManifest(path: path, reason: "\(error)")
        }
    }
}

enum FileWrite {
    /// Writes a file by creating a temporary sibling and renaming it over.
    static func atomically(path: String, bytes: [UInt8], mode: mode_t) throws(ContainerError) {
        let temporary = path + ".tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw .errno("open", temporary) }
        let written = RootDirectory.writeAll(fd, bytes) && fsync(fd) == 0
        let code = Glibc.errno
        close(fd)
        guard written else { unlink(temporary); throw .syscall("write", path: temporary, errno: code) }
        guard rename(temporary, path) == 0 else { throw .errno("rename", path) }
    }

    /// Makes a directory and its parents; the last one gets `mode`.
    static func directory(_ path: String, mode: mode_t) throws(ContainerError) {
        var current = ""
        let parts = path.split(separator: "/")
        for (index, part) in parts.enumerated() {
            current += "/" + part
            if mkdir(current, index == parts.count - 1 ? mode : 0o755) != 0 && Glibc.errno != EEXIST {
                throw .errno("mkdir", current)
            }
        }
    }
}
