// Reading the store path out of a string-context element, whichever of
// Nix's three encodings it uses: "/nix/store/…" (plain), "=/nix/store/…drv"
// (a derivation with all its outputs), "!out!/nix/store/…drv" (one output).

extension StringContext {
    /// The store path an element refers to.
    public static func path(of element: String) -> String {
        if element.hasPrefix("=") { return String(element.dropFirst()) }
        if element.hasPrefix("!") {
            let rest = element.dropFirst()
            if let bang = rest.firstIndex(of: "!") { return String(rest[rest.index(after: bang)...]) }
        }
        return element
    }
}
