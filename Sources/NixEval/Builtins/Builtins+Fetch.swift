// Builtins: fetchers. Roost evaluates configurations offline and has no
// network access during evaluation, so every fetcher answers with one clear
// error that says what to do instead. They exist (rather than being absent)
// so that `builtins ? fetchurl` is true as in Nix and a configuration that
// merely mentions them still evaluates.

import NixSyntax

extension Builtins {
    static var fetchers: [PrimOp] { [
        unsupportedFetcher("fetchurl", doc: "Download a file (not supported by roost: evaluation is offline).",
                           instead: "download the file yourself and refer to it by path, e.g. ./file"),
        unsupportedFetcher("fetchTarball", doc: "Download and unpack a tarball (not supported by roost: evaluation is offline).",
                           instead: "download and unpack the tarball yourself and refer to the directory by path, e.g. ./dir"),
        unsupportedFetcher("fetchGit", doc: "Fetch a Git repository (not supported by roost: evaluation is offline).",
                           instead: "clone the repository yourself and refer to its working tree by path, e.g. ./repo"),
        unsupportedFetcher("fetchMercurial", doc: "Fetch a Mercurial repository (not supported by roost: evaluation is offline).",
                           instead: "clone the repository yourself and refer to its working copy by path, e.g. ./repo"),
        unsupportedFetcher("fetchTree", doc: "Fetch a source tree (not supported by roost: evaluation is offline).",
                           instead: "fetch the tree yourself and refer to it by path, e.g. ./src"),
    ] }

    private static func unsupportedFetcher(_ name: String, doc: String, instead: String) -> PrimOp {
        PrimOp(name, arity: 1, doc: doc) { _, _, span in
            throw EvalError("builtins.\(name) is not supported by roost: roost evaluates configurations offline; \(instead)", at: span)
        }
    }
}
