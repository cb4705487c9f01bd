// Decides what a container's root holds: the skeleton (directories, the
// usr-merge links into the shared /usr), the /etc files rendered from the
// manifest, the engine's own units and scripts, and the users' homes. A pure
// list of entries; RootWriter puts them on disk without following symlinks.

public struct RootEntry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case directory
        case file(String)
        case symlink(String)
    }

    /// Relative to the container's root, without a leading "/".
    public var path: String
    public var kind: Kind
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32

    public static func directory(_ path: String, mode: UInt32 = 0o755, uid: UInt32 = 0, gid: UInt32 = 0) -> RootEntry {
        RootEntry(path: path, kind: .directory, mode: mode, uid: uid, gid: gid)
    }

    public static func file(_ path: String, _ text: String, mode: UInt32 = 0o644, gid: UInt32 = 0) -> RootEntry {
        RootEntry(path: path, kind: .file(text), mode: mode, uid: 0, gid: gid)
    }

    public static func symlink(_ path: String, to target: String) -> RootEntry {
        RootEntry(path: path, kind: .symlink(target), mode: 0o777, uid: 0, gid: 0)
    }
}

public enum RootLayout {
    /// Top-level links a usr-merged host has; each becomes `NAME -> usr/NAME`.
    public static let usrMergeCandidates = ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]

    /// Directories and links every container has. `usrLinks` are the
    /// candidates that are links on this host.
    public static func skeleton(usrLinks: [String]) -> [RootEntry] {
        var entries: [RootEntry] = [
            .directory("dev"), .directory("etc"), .directory("home"), .directory("mnt"),
            .directory("proc", mode: 0o555), .directory("root", mode: 0o700), .directory("run"),
            .directory("srv"), .directory("sys", mode: 0o555), .directory("tmp", mode: 0o1777),
            .directory("usr"), .directory("var"), .directory("var/cache"), .directory("var/lib"),
            .directory("var/log"), .directory("var/mail", mode: 0o2775), .directory("var/tmp", mode: 0o1777),
            .symlink("var/run", to: "../run"), .symlink("var/lock", to: "../run/lock"),
        ]
        entries += usrLinks.map { .symlink($0, to: "usr/" + $0) }
        return entries
    }

    /// Everything `create` writes: skeleton, rendered /etc, engine files, homes.
    public static func creation(name: ContainerName, manifest: Manifest, machineID: [UInt8],
                                hostOSRelease: [String: String], usrLinks: [String]) -> [RootEntry] {
        let hostname = manifest.hostname ?? name.value
        let shadowGID = manifest.groups.first { $0.name == "shadow" }?.gid ?? 0
        var entries = skeleton(usrLinks: usrLinks)
        entries += [
            .file("etc/passwd", EtcFiles.passwd(manifest.users, groups: manifest.groups)),
            .file("etc/group", EtcFiles.group(manifest.groups, users: manifest.users)),
            .file("etc/shadow", EtcFiles.shadow(manifest.users), mode: 0o640, gid: shadowGID),
            .file("etc/gshadow", EtcFiles.gshadow(manifest.groups, users: manifest.users), mode: 0o640, gid: shadowGID),
            .file("etc/hostname", EtcFiles.hostname(hostname)),
            .file("etc/hosts", EtcFiles.hosts(hostname: hostname)),
            .file("etc/machine-id", EtcFiles.machineID(machineID), mode: 0o444),
            .file("etc/os-release", EtcFiles.osRelease(host: hostOSRelease, container: name.value)),
        ]
        for (path, file) in manifest.etc.sorted(by: { $0.key < $1.key }) {
            entries.append(.file("etc/" + path, file.text, mode: Manifest.permissionBits(file.mode) ?? 0o644))
        }
        entries += units(manifest.units)
        entries += engine()
        let gids = Dictionary(manifest.groups.map { ($0.name, $0.gid) }, uniquingKeysWith: { first, _ in first })
        for user in manifest.users.sorted(by: { $0.uid < $1.uid }) where user.createHome && user.home != "/root" {
            let path = String(user.home.drop(while: { $0 == "/" }))
            guard Manifest.isRelativePath(path) else { continue }
            entries.append(.directory(path, mode: 0o700, uid: user.uid, gid: gids[user.group] ?? 65534))
        }
        return entries
    }

    /// The manifest's units and their `.wants` links; disabled units are left out.
    public static func units(_ units: [String: Manifest.Unit]) -> [RootEntry] {
        var entries: [RootEntry] = []
        for (name, unit) in units.sorted(by: { $0.key < $1.key }) where unit.enable {
            entries.append(.file("etc/systemd/system/" + name, unit.text))
            for target in unit.wantedBy.sorted() {
                entries.append(.symlink("etc/systemd/system/\(target).wants/\(name)", to: "../" + name))
            }
        }
        return entries
    }

    /// The engine's units, links and scripts (see EngineFiles), written at
    /// create and again at every start.
    public static func engine() -> [RootEntry] {
        var entries: [RootEntry] = EngineFiles.units.map { .file("etc/systemd/system/" + $0.name, $0.text) }
        entries += EngineFiles.enabledSockets.map {
            .symlink("etc/systemd/system/sockets.target.wants/" + $0, to: "../" + $0)
        }
        entries += EngineFiles.maskedUnits.map { .symlink("etc/systemd/system/" + $0, to: "/dev/null") }
        entries += [
            .file(String(EngineFiles.terminalScript.dropFirst()), EngineFiles.terminal, mode: 0o755),
            .file(String(EngineFiles.loginScript.dropFirst()), EngineFiles.loginPrompt, mode: 0o755),
        ]
        return entries
    }
}
