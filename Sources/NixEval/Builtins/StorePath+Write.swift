// Writing into Roost's store: text files (toFile, .drv files) and trees
// (`path`, `filterSource`, paths interpolated into strings). Every entry is
// first written under a temporary name in the store directory and then
// renamed into place, so a reader never sees a half-written entry; an entry
// that already exists is left alone (same name, same content).
// It keeps, for this process, the references of what it wrote, which the
// derivation builtins need for closures; it has no database and no GC.

import Foundation
import NixSyntax
#if canImport(Glibc)
import Glibc
#endif

/// What this process knows about store entries it wrote or read.
final class StoreRegistry: @unchecked Sendable {
    static let shared = StoreRegistry()
    private let lock = NSLock()
    private var references: [String: [String]] = [:]

    func setReferences(_ refs: [String], of path: String) {
        lock.lock(); defer { lock.unlock() }
        references[path] = refs
    }

    func references(of path: String) -> [String]? {
        lock.lock(); defer { lock.unlock() }
        return references[path]
    }

    private var swept = Set<String>()

    /// True the first time it is asked about `storeDir` in this process.
    func firstVisit(_ storeDir: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return swept.insert(storeDir).inserted
    }
}

public struct StoreWriter: Sendable {
    public let paths: StorePaths

    public init(storeDir: String) { self.paths = StorePaths(storeDir: storeDir) }

    func ensureStoreDir() throws(StorePathError) {
        do {
            try FileManager.default.createDirectory(atPath: paths.storeDir, withIntermediateDirectories: true)
        } catch {
            throw StorePathError("cannot create the store directory '\(paths.storeDir)': \(error.localizedDescription); set ROOST_STORE_DIR to a writable directory")
        }
        if StoreRegistry.shared.firstVisit(paths.storeDir) { sweepStaleTemporaries() }
    }

    /// Removes temporaries of writers that died mid-copy (`.tmp-<pid>-…` whose
    /// process is gone), so an interrupted evaluation leaves no garbage behind
    /// for long. A temporary of a live process, or of a reused pid, is kept.
    private func sweepStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: paths.storeDir) else { return }
        for name in names where name.hasPrefix(".tmp-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 2, let pid = Int32(parts[1]), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            removeTree("\(paths.storeDir)/\(name)")
        }
    }

    private func temporaryPath() -> String {
        "\(paths.storeDir)/.tmp-\(getpid())-\(UUID().uuidString.lowercased())"
    }

    /// Adds a text file with the given references; returns its store path.
    @discardableResult
    public func addText(name: String, contents: [UInt8], references: [String]) throws(StorePathError) -> String {
        let path = try paths.textPath(name: name, contents: contents, references: references)
        StoreRegistry.shared.setReferences(references.sorted { $0.nixLess($1) }, of: path)
        try writeFile(path, contents: contents)
        return path
    }

    /// Writes `contents` as a read-only file at `path` unless it exists.
    func writeFile(_ path: String, contents: [UInt8]) throws(StorePathError) {
        if FileManager.default.fileExists(atPath: path) { return }
        try ensureStoreDir()
        let tmp = temporaryPath()
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw syscallError("creating", tmp) }
        do {
            try contents.withUnsafeBytes { try Archive.writeAll(fd, $0, path: Array(tmp.utf8)) }
        } catch {
            close(fd)
            unlink(tmp)
            throw StorePathError((error as? ArchiveError)?.message ?? "writing '\(tmp)' failed")
        }
        fchmod(fd, 0o444)
        close(fd)
        try moveIntoPlace(tmp, path)
    }

    /// Adds the tree (or, when not `recursive`, the single regular file) at
    /// `source` under `name`; returns the store path and the NAR (or file) sha256.
    func addPath(_ source: String, name: String, recursive: Bool,
                        filter: Archive.Filter?) throws -> (path: String, hash: ContentHash) {
        try ensureStoreDir()
        // A source that is not UTF-8 is held as its ExactRendering.
        let src = ExactRendering.bytes(of: source)
        if !recursive {
            let st = try Archive.lstatPath(src)
            guard FileKind(mode: st.st_mode) == .regular else {
                throw StorePathError("cannot add '\(source)' to the store flat: it is not a regular file")
            }
            guard let data = try? Files.read(source) else {
                throw StorePathError("cannot read '\(source)'")
            }
            let hash = ContentHash(algorithm: .sha256, bytes: sha256Bytes(data))
            let path = try paths.fixedOutputPath(recursive: false, hash: hash, name: name)
            try writeFile(path, contents: Array(data))
            return (path, hash)
        }
        let tmp = temporaryPath()
        do {
            let nar = try Archive.hash(root: src, filter: filter, copyTo: Array(tmp.utf8))
            let hash = ContentHash(algorithm: .sha256, bytes: nar)
            let path = try paths.sourcePath(name: name, narSHA256: nar)
            if FileManager.default.fileExists(atPath: path) {
                removeTree(tmp)
            } else {
                try moveIntoPlace(tmp, path)
            }
            return (path, hash)
        } catch {
            removeTree(tmp)
            throw error
        }
    }

    /// The store path `addPath` would give, without writing anything.
    func pathOf(_ source: String, name: String, filter: Archive.Filter?) throws -> (path: String, hash: ContentHash) {
        let nar = try Archive.hash(root: ExactRendering.bytes(of: source), filter: filter, copyTo: nil)
        return (try paths.sourcePath(name: name, narSHA256: nar), ContentHash(algorithm: .sha256, bytes: nar))
    }

    private func moveIntoPlace(_ tmp: String, _ path: String) throws(StorePathError) {
        if rename(tmp, path) != 0 {
            let err = errno
            // Another writer won the race with the same content.
            if FileManager.default.fileExists(atPath: path) { removeTree(tmp); return }
            removeTree(tmp)
            errno = err
            throw syscallError("renaming into", path)
        }
    }

    private func removeTree(_ path: String) {
        // Entries are made read-only; make them writable again so removal works for non-root users too.
        if let e = FileManager.default.enumerator(atPath: path) {
            while let rel = e.nextObject() as? String {
                // Only directories: chmod follows symlinks, and files need no write bit to be unlinked.
                var st = stat()
                let p = "\(path)/\(rel)"
                if lstat(p, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { chmod(p, 0o755) }
            }
        }
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    private func syscallError(_ what: String, _ path: String) -> StorePathError {
        StorePathError("\(what) '\(path)' failed: \(String(cString: strerror(errno))); check that ROOST_STORE_DIR is writable")
    }
}
