// Roost's store: immutable, content-addressed build outputs under
// /var/lib/roost/store (ROOST_STORE_DIR overrides it).

public enum RoostStore {
    /// The store directory: ROOST_STORE_DIR, or /var/lib/roost/store.
    public static var defaultDirectory: String { "/var/lib/roost/store" }
}
