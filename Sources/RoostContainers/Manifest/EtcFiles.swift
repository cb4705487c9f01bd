// Pure renderers of the /etc files the engine derives from a manifest:
// value in, file text out, tested against exact text. Writing them to disk is
// RootWriter's job; deciding which files exist is RootLayout's.

import Foundation

public enum EtcFiles {
    /// /etc/passwd: one line per user, in ascending uid order.
    public static func passwd(_ users: [Manifest.User], groups: [Manifest.Group]) -> String {
        let gids = Dictionary(groups.map { ($0.name, $0.gid) }, uniquingKeysWith: { first, _ in first })
        return users.sorted { $0.uid < $1.uid }.map { user in
            let gid = gids[user.group] ?? 65534
            return "\(user.name):x:\(user.uid):\(gid):\(user.description):\(user.home):\(user.shell)\n"
        }.joined()
    }

    /// /etc/group: members are the group's own list plus users naming it in extraGroups.
    public static func group(_ groups: [Manifest.Group], users: [Manifest.User]) -> String {
        groups.sorted { $0.gid < $1.gid }.map { group in
            "\(group.name):x:\(group.gid):\(members(of: group, users: users).joined(separator: ","))\n"
        }.joined()
    }

    /// /etc/shadow: a user without hashedPassword is locked ("!"). The
    /// last-change field stays empty, which disables password ageing.
    public static func shadow(_ users: [Manifest.User]) -> String {
        users.sorted { $0.uid < $1.uid }.map { user in
            "\(user.name):\(user.hashedPassword ?? "!"):::::::\n"
        }.joined()
    }

    /// /etc/gshadow: no group passwords.
    public static func gshadow(_ groups: [Manifest.Group], users: [Manifest.User]) -> String {
        groups.sorted { $0.gid < $1.gid }.map { group in
            "\(group.name):!::\(members(of: group, users: users).joined(separator: ","))\n"
        }.joined()
    }

    static func members(of group: Manifest.Group, users: [Manifest.User]) -> [String] {
        var seen = Set<String>()
        let extra = users.sorted { $0.uid < $1.uid }.filter { $0.extraGroups.contains(group.name) }.map(\.name)
        return (group.members + extra).filter { seen.insert($0).inserted }
    }

    public static func hostname(_ name: String) -> String { name + "\n" }

    public static func hosts(hostname: String) -> String {
        """
        127.0.0.1 localhost
        127.0.1.1 \(hostname)
        ::1 localhost ip6-localhost ip6-loopback

        """
    }

    /// /etc/machine-id: 32 lowercase hex digits and a newline.
    public static func machineID(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef")
        return String(bytes.prefix(16).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0f)]] }) + "\n"
    }

    /// /etc/os-release: the container runs the host's software, so it
    /// names Roost and points to the host's distribution via ID_LIKE.
    public static func osRelease(host: [String: String], container: String) -> String {
        let hostPretty = host["PRETTY_NAME"] ?? host["NAME"] ?? "Linux"
        let like = ([host["ID"]] + (host["ID_LIKE"]?.split(separator: " ").map(String.init) ?? []))
            .compactMap { $0 }.filter { !$0.isEmpty }
        var lines = [
            "NAME=\"Roost\"",
            "ID=roost",
        ]
        if !like.isEmpty { lines.append("ID_LIKE=\"\(like.joined(separator: " "))\"") }
        lines.append("PRETTY_NAME=\"Roost container \(container) (\(quoteInner(hostPretty)))\"")
        if let version = host["VERSION_ID"] { lines.append("VERSION_ID=\"\(quoteInner(version))\"") }
        if let codename = host["VERSION_CODENAME"] { lines.append("VERSION_CODENAME=\(codename)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses os-release text (KEY=value, values optionally quoted).
    public static func parseOSRelease(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingPrefix(while: { $0 == " " })
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            var value = String(trimmed[trimmed.index(after: eq)...])
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[String(trimmed[..<eq])] = value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return fields
    }

    private static func quoteInner(_ text: String) -> String {
        String(text.filter { $0 != "\"" && $0 != "\\" && $0 != "$" && $0 != "`" && $0 != "\n" })
    }
}

