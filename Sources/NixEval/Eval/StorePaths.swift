// Copying a source path into roost's store when it is interpolated into a
// string (`"${./file}"`), as Nix copies it into /nix/store. The store path is
// computed exactly as Nix computes it (StoreWriter: NAR sha256, "source"
// fingerprint, Nix base-32), so with storeDir = /nix/store the strings are
// the ones Nix prints; with roost's store only the directory differs (it is
// part of the hash). Each path is copied at most once per evaluation.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NixSyntax

extension Evaluator {
    /// Copies `path` into `options.storeDir` and returns its store path.
    public func copyPathToStore(_ path: String, at span: Span) throws -> String {
        if let done = storeCopies[ExactString(path)] { return done }
        var st = stat()
        if Files.withCPath(path, { lstat($0, &st) }) != 0 {
            throw EvalError("getting status of '\(path)': \(String(cString: strerror(errno)))", at: span)
        }
        do {
            let added = try StoreWriter(storeDir: options.storeDir).addPath(path, name: Paths.baseName(path), recursive: true, filter: nil)
            storeCopies[ExactString(path)] = added.path
            return added.path
        } catch let e as StorePathError {
            throw EvalError("cannot copy '\(path)' to the store: \(e.message)", at: span)
        } catch {
            throw EvalError("cannot copy '\(path)' to the store '\(options.storeDir)': \(error) (set ROOST_STORE_DIR to a writable directory)", at: span)
        }
    }
}
