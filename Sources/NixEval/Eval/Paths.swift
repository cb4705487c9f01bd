// Path arithmetic as Nix does it: absolute, canonical (no `.`, `..`, `//`
// or trailing slash, symlinks not resolved), `~` from $HOME, and lookup of
// `<name>` in the search path (`-I` entries, then NIX_PATH).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Paths {
    /// Removes `.`, `..` and repeated or trailing slashes; never goes above `/`.
    public static func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `base/relative` (or `relative` itself when it is absolute), not yet canonical.
    public static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// The directory part of a path (`/a/b` -> `/a`, `/a` -> `/`).
    public static func directory(of path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return "." }
        if i == path.startIndex { return "/" }
        return String(path[..<i])
    }

    /// The last component of a path.
    public static func baseName(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let i = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: i)...])
    }

    public static func home() -> String {
        if let h = getenv("HOME") { return String(cString: h) }
        return "/"
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Makes a path absolute against the working directory and canonical.
    public static func absolute(_ path: String) -> String {
        canonical(path.hasPrefix("/") ? path : join(currentDirectory(), path))
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return Files.withCPath(path) { stat($0, &st) } == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return Files.withCPath(path) { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The search path entries of a NIX_PATH value (`a=/x:/y`), skipping empty ones.
    public static func splitNixPath(_ value: String) -> [String] {
        // A URL entry (`a=https://…`) contains a colon of its own; keep it whole.
        var out: [String] = []
        var current = ""
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        var i = 0
        while i < parts.count {
            current = String(parts[i])
            while i + 1 < parts.count, parts[i + 1].hasPrefix("//") {
                current += ":" + parts[i + 1]
                i += 1
            }
            if !current.isEmpty { out.append(current) }
            i += 1
        }
        return out
    }
}
