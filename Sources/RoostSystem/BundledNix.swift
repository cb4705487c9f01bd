// The Nix code shipped with roost (nix/: lib, modules, pkgs), embedded in the
// binary at build time and written out once, content-addressed, so that
// `<roost>` and `<roost/lib>` resolve from an installed roost with no source
// tree beside it. Nothing here evaluates Nix.

import Foundation

public enum BundledNix {
    /// Relative path and contents of every embedded file, sorted by path.
    public static var files: [(path: String, contents: Data)] {
        bundledNixFiles.compactMap { entry in
            Data(base64Encoded: entry.base64).map { (entry.path, $0) }
        }
    }

    /// A hash of every path and content (computed at build time): names the written-out directory.
    public static var contentHash: String { bundledNixHash }

    /// The search path entry `roost=DIR` that makes `<roost>` and `<roost/lib>`
    /// resolve; nil (and `<roost>` stays unresolved) if no directory is writable.
    public static func searchPathEntry(storeDir: String) -> String? {
        (try? directory(storeDir: storeDir)).map { "roost=" + $0 }
    }

    /// The directory that holds the bundled nix/ tree, writing it first if needed.
    /// It lives in the store (`<storeDir>/<hash>-roost-nix`) when the store is
    /// writable, else in the user's cache directory; it is never modified once written.
    public static func directory(storeDir: String) throws -> String {
        let name = "\(contentHash)-roost-nix"
        var candidates = [storeDir]
        let env = ProcessInfo.processInfo.environment
        if let cache = env["XDG_CACHE_HOME"], !cache.isEmpty { candidates.append(cache + "/roost") }
        if let home = env["HOME"], !home.isEmpty { candidates.append(home + "/.cache/roost") }
        candidates.append(NSTemporaryDirectory() + "roost-\(getuid())")
        var lastError: Error?
        for base in candidates {
            let target = base + "/" + name
            if FileManager.default.fileExists(atPath: target + "/.complete") { return target }
            do {
                try materialize(into: base, name: name)
                return target
            } catch {
                lastError = error
            }
        }
        throw BundledNixError(message: "cannot write roost's bundled Nix files: \(lastError.map { "\($0)" } ?? "no writable directory"); set ROOST_STORE_DIR to a writable directory")
    }

    /// Writes the tree into a temporary directory beside the target, then
    /// renames it into place, so a reader never sees a half-written tree.
    private static func materialize(into base: String, name: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: base, withIntermediateDirectories: true)
        let temp = base + "/.tmp-\(name)-\(getpid())"
        try? fm.removeItem(atPath: temp)
        for f in files {
            let path = temp + "/" + f.path
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fm.createFile(atPath: path, contents: f.contents, attributes: [.posixPermissions: 0o444]) else {
                throw BundledNixError(message: "cannot write \(path)")
            }
        }
        guard fm.createFile(atPath: temp + "/.complete", contents: Data()) else {
            throw BundledNixError(message: "cannot write \(temp)/.complete")
        }
        let target = base + "/" + name
        if rename(temp, target) != 0 {
            // Another roost won the race: its tree is identical.
            try? fm.removeItem(atPath: temp)
            if !fm.fileExists(atPath: target + "/.complete") {
                throw BundledNixError(message: "cannot rename \(temp) to \(target): errno \(errno)")
            }
        }
    }
}

public struct BundledNixError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
