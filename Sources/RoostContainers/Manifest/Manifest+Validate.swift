// Checks a manifest before anything is written: names that would corrupt
// /etc/passwd, paths that escape /etc, units the engine owns, addresses without
// a private network. Returns every problem found, each as one line; it does not
// check anything on the host (free addresses, existing paths): the engine does.

extension Manifest {
    /// Unit files the engine writes itself; a manifest cannot replace them.
    public static let engineUnits: Set<String> = [
        "root-shell.socket", "root-shell@.service", "login.socket", "login@.service", "console-getty.service",
    ]
    /// Files below /etc rendered from other fields or owned by the engine.
    public static let renderedEtc: Set<String> = [
        "passwd", "group", "shadow", "gshadow", "hostname", "machine-id", "os-release", "hosts",
        "roost/login-prompt",
    ]
    static let unitSuffixes = [".service", ".socket", ".target", ".timer", ".path", ".mount", ".automount",
                               ".slice", ".swap"]

    public func problems() -> [String] {
        var found: [String] = []
        if let hostname, !Manifest.isHostname(hostname) {
            found.append("hostname '\(hostname)' is not a valid hostname (letters, digits, '-' and '.', at most 64)")
        }
        found += userProblems()
        found += fileProblems()
        found += networkProblems()
        return found
    }

    private func userProblems() -> [String] {
        var found: [String] = []
        var names = Set<String>(), uids = Set<UInt32>(), groupNames = Set<String>(), gids = Set<UInt32>()
        for group in groups {
            if !Manifest.isAccountName(group.name) { found.append("group name '\(group.name)' is not valid") }
            if !groupNames.insert(group.name).inserted { found.append("group '\(group.name)' appears twice") }
            if !gids.insert(group.gid).inserted { found.append("gid \(group.gid) is used by two groups") }
            for member in group.members where !Manifest.isAccountName(member) {
                found.append("group '\(group.name)' has an invalid member '\(member)'")
            }
        }
        for user in users {
            let who = "user '\(user.name)'"
            if !Manifest.isAccountName(user.name) { found.append("user name '\(user.name)' is not valid") }
            if !names.insert(user.name).inserted { found.append("\(who) appears twice") }
            if !uids.insert(user.uid).inserted { found.append("uid \(user.uid) is used by two users") }
            if !groupNames.contains(user.group) { found.append("\(who) has primary group '\(user.group)', which is not among the groups") }
            for extra in user.extraGroups where !groupNames.contains(extra) {
                found.append("\(who) is in group '\(extra)', which is not among the groups")
            }
            for (field, value) in [("home", user.home), ("shell", user.shell)] where !Manifest.isPasswdPath(value) {
                found.append("\(who) has \(field) '\(value)': it must be an absolute path without ':'")
            }
            if !Manifest.isPasswdField(user.description) { found.append("\(who) has a description with ':' or a newline") }
            if let hash = user.hashedPassword, !Manifest.isPasswdField(hash) || hash.isEmpty {
                found.append("\(who) has a hashedPassword that is empty or has ':' or a newline")
            }
        }
        return found
    }

    private func fileProblems() -> [String] {
        var found: [String] = []
        for (path, file) in etc.sorted(by: { $0.key < $1.key }) {
            if !Manifest.isRelativePath(path) {
                found.append("etc file '\(path)' must be a relative path below /etc without '.' or '..' parts")
            } else if Manifest.renderedEtc.contains(path) {
                found.append("etc file '\(path)' is rendered by roost from the manifest's other fields")
            } else if path.hasPrefix("systemd/system/") {
                found.append("etc file '\(path)' is a unit: put it in units")
            }
            if Manifest.permissionBits(file.mode) == nil {
                found.append("etc file '\(path)' has mode '\(file.mode)'; expected octal like 0644")
            }
        }
        for (name, unit) in units.sorted(by: { $0.key < $1.key }) {
            if !Manifest.isUnitName(name) { found.append("unit name '\(name)' is not valid (e.g. web.service)") }
            if Manifest.engineUnits.contains(name) { found.append("unit '\(name)' belongs to roost and cannot be replaced") }
            for target in unit.wantedBy where !Manifest.isUnitName(target) {
                found.append("unit '\(name)' is wanted by '\(target)', which is not a unit name")
            }
        }
        for mount in bindMounts {
            for path in [mount.hostPath, mount.mountPoint].compactMap({ $0 })
            where !Manifest.isBindPath(path) {
                found.append("bind mount path '\(path)' must be absolute, without '..', ':' or ','")
            }
            if let target = mount.mountPoint ?? Optional(mount.hostPath), target == "/" || target == "/usr" || target.hasPrefix("/usr/") {
                found.append("bind mount onto '\(target)' would hide the container's root or the host's /usr")
            }
        }
        return found
    }

    private func networkProblems() -> [String] {
        var found: [String] = []
        let net = network
        if !net.privateNetwork && (net.hostAddress != nil || net.localAddress != nil) {
            found.append("network: hostAddress and localAddress need privateNetwork = true")
        }
        if (net.hostAddress == nil) != (net.localAddress == nil) {
            found.append("network: give both hostAddress and localAddress, or neither to get a free pair")
        }
        if let host = net.hostAddress, host == net.localAddress {
            found.append("network: hostAddress and localAddress are both \(host)")
        }
        return found
    }

    // MARK: - Lexical checks

    static func isAccountName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 32 else { return false }
        let lower = { (b: UInt8) in b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        let digit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard lower(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { lower($0) || digit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func isHostname(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64, first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
    }

    static func isPasswdField(_ text: String) -> Bool { !text.contains(":") && !text.contains("\n") }

    static func isPasswdPath(_ text: String) -> Bool { text.hasPrefix("/") && isPasswdField(text) }

    static func isRelativePath(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("/"), !text.contains("\0") else { return false }
        return text.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    static func isBindPath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.contains(":") && !text.contains(",") && !text.contains("\0")
            && !text.split(separator: "/").contains("..")
    }

    static func isUnitName(_ text: String) -> Bool {
        guard !text.contains("/"), !text.contains("\0"), !text.contains("\n"), text.utf8.count <= 255 else { return false }
        return unitSuffixes.contains { text.hasSuffix($0) && text.count > $0.count }
    }

    /// Parses "0644"-style octal permission bits.
    public static func permissionBits(_ text: String) -> UInt32? {
        guard (3...4).contains(text.count), text.allSatisfy({ ("0"..."7").contains($0) }),
              let bits = UInt32(text, radix: 8) else { return nil }
        return bits
    }
}
