// Laying one manifest over another: what `roost create --manifest FILE` does
// with the default system, so a file only has to say what it adds or changes.
// Accounts, groups, /etc files and units are matched by name (the upper one
// wins); bind mounts add up; hostname and network come from the upper one.

extension Manifest {
    public func merged(over base: Manifest) -> Manifest {
        var result = base
        if let hostname { result.hostname = hostname }
        result.users = Manifest.overlay(base.users, users, key: \.name)
        result.groups = Manifest.overlay(base.groups, groups, key: \.name)
        result.etc.merge(etc) { _, upper in upper }
        result.units.merge(units) { _, upper in upper }
        result.network = network
        result.bindMounts = base.bindMounts + bindMounts
        return result
    }

    /// `lower` with entries replaced by `upper`'s of the same key, then `upper`'s new ones.
    static func overlay<T>(_ lower: [T], _ upper: [T], key: (T) -> String) -> [T] {
        let replacements = Dictionary(upper.map { (key($0), $0) }, uniquingKeysWith: { _, last in last })
        let kept = lower.map { replacements[key($0)] ?? $0 }
        let known = Set(lower.map(key))
        return kept + upper.filter { !known.contains(key($0)) }
    }
}
