// The files a manifest turns into, compared as exact text: /etc/passwd and
// friends, the engine's socket units, and the layout of a new root.

import Testing
@testable import RoostContainers

@Suite struct EtcFilesTests {
    let users = [
        Manifest.User(name: "alice", uid: 1000, group: "users", description: "Alice", home: "/home/alice",
                      hashedPassword: "$6$salt$hash", extraGroups: ["wheel"]),
        Manifest.User(name: "root", uid: 0, group: "root", description: "root", home: "/root"),
        Manifest.User(name: "bob", uid: 1001, group: "users", home: "/home/bob", shell: "/bin/sh", extraGroups: ["wheel"]),
    ]
    let groups = [
        Manifest.Group(name: "wheel", gid: 10, members: ["root"]),
        Manifest.Group(name: "root", gid: 0),
        Manifest.Group(name: "users", gid: 100),
    ]

    @Test("passwd lists users by uid with their primary group's gid")
    func passwd() {
        #expect(EtcFiles.passwd(users, groups: groups) == """
            root:x:0:0:root:/root:/bin/bash
            alice:x:1000:100:Alice:/home/alice:/bin/bash
            bob:x:1001:100::/home/bob:/bin/sh

            """)
    }

    @Test("group lists groups by gid with members from both sides, each once")
    func group() {
        #expect(EtcFiles.group(groups, users: users) == """
            root:x:0:
            wheel:x:10:root,alice,bob
            users:x:100:

            """)
        #expect(EtcFiles.gshadow(groups, users: users) == """
            root:!::
            wheel:!::root,alice,bob
            users:!::

            """)
    }

    @Test("shadow locks users without a hashed password and disables ageing")
    func shadow() {
        #expect(EtcFiles.shadow(users) == """
            root:!:::::::
            alice:$6$salt$hash:::::::
            bob:!:::::::

            """)
    }

    @Test("hostname, hosts and machine-id have the expected shape")
    func small() {
        #expect(EtcFiles.hostname("web") == "web\n")
        #expect(EtcFiles.hosts(hostname: "web") == "127.0.0.1 localhost\n127.0.1.1 web\n::1 localhost ip6-localhost ip6-loopback\n")
        #expect(EtcFiles.machineID(Array(0..<16)) == "000102030405060708090a0b0c0d0e0f\n")
    }

    @Test("os-release names Roost and is like the host's distribution")
    func osRelease() {
        let host = EtcFiles.parseOSRelease("""
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION_CODENAME=bookworm
            ID=debian
            # a comment
            """)
        #expect(host["ID"] == "debian" && host["PRETTY_NAME"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(EtcFiles.osRelease(host: host, container: "web") == """
            NAME="Roost"
            ID=roost
            ID_LIKE="debian"
            PRETTY_NAME="Roost container web (Debian GNU/Linux 12 (bookworm))"
            VERSION_ID="12"
            VERSION_CODENAME=bookworm

            """)
    }

    @Test("the root shell socket is a root-only stream socket with one shell per connection")
    func rootShellUnits() throws {
        let units = Dictionary(uniqueKeysWithValues: EngineFiles.units.map { ($0.name, $0.text) })
        #expect(units["root-shell.socket"] == """
            [Unit]
            Description=Root shell for the host (roost root-login)

            [Socket]
            ListenStream=/var/lib/root-shell.socket
            SocketMode=0600
            SocketUser=root
            SocketGroup=root
            Accept=yes
            RemoveOnStop=yes

            [Install]
            WantedBy=sockets.target

            """)
        #expect(units["root-shell@.service"] == """
            [Unit]
            Description=Root shell on a connection from the host

            [Service]
            ExecStart=-/bin/bash --login
            StandardInput=socket
            StandardOutput=socket
            StandardError=socket
            Environment=HOME=/root USER=root LOGNAME=root SHELL=/bin/bash
            WorkingDirectory=-/root

            """)
        #expect(units["login@.service"]?.contains("ExecStart=-/bin/bash /etc/roost/login-prompt\n") == true)
        #expect(units["login.socket"]?.contains("ListenStream=/var/lib/login.socket\nSocketMode=0600\n") == true)
    }
}

@Suite struct RootLayoutTests {
    @Test("a new root has the usr-merge links, persistent directories and world-writable tmp")
    func skeleton() {
        let entries = RootLayout.skeleton(usrLinks: ["bin", "lib", "lib64", "sbin"])
        #expect(entries.contains(.symlink("bin", to: "usr/bin")))
        #expect(entries.contains(.symlink("lib64", to: "usr/lib64")))
        #expect(entries.contains(.directory("tmp", mode: 0o1777)))
        #expect(entries.contains(.directory("root", mode: 0o700)))
        #expect(entries.contains(.symlink("var/run", to: "../run")))
        for path in ["etc", "var", "home", "usr", "var/lib"] { #expect(entries.contains(.directory(path))) }
    }

    @Test("units are installed with .wants links; disabled ones are left out")
    func units() {
        let entries = RootLayout.units([
            "web.service": Manifest.Unit(text: "[Service]\n", wantedBy: ["multi-user.target"]),
            "off.service": Manifest.Unit(text: "x", enable: false),
        ])
        #expect(entries == [
            .file("etc/systemd/system/web.service", "[Service]\n"),
            .symlink("etc/systemd/system/multi-user.target.wants/web.service", to: "../web.service"),
        ])
    }

    @Test("the engine enables both sockets, masks the console getty and installs its scripts")
    func engine() {
        let entries = RootLayout.engine()
        #expect(entries.contains(.symlink("etc/systemd/system/sockets.target.wants/root-shell.socket", to: "../root-shell.socket")))
        #expect(entries.contains(.symlink("etc/systemd/system/sockets.target.wants/login.socket", to: "../login.socket")))
        #expect(entries.contains(.symlink("etc/systemd/system/console-getty.service", to: "/dev/null")))
        #expect(entries.contains(.file("etc/roost/terminal", EngineFiles.terminal, mode: 0o755)))
    }

    @Test("creation renders /etc from the manifest with shadow readable by group shadow only")
    func creation() throws {
        var manifest = Manifest.defaultSystem()
        manifest.users.append(Manifest.User(name: "alice", uid: 1000, group: "users", home: "/home/alice"))
        let entries = RootLayout.creation(name: try ContainerName("web"), manifest: manifest, machineID: Array(repeating: 0xab, count: 16),
                                          hostOSRelease: ["ID": "debian"], usrLinks: ["bin"])
        #expect(entries.contains(.file("etc/hostname", "web\n")))
        #expect(entries.contains(.file("etc/machine-id", String(repeating: "ab", count: 16) + "\n", mode: 0o444)))
        #expect(entries.contains(.file("etc/shadow", EtcFiles.shadow(manifest.users), mode: 0o640, gid: 42)))
        #expect(entries.contains(.directory("home/alice", mode: 0o700, uid: 1000, gid: 100)))
        #expect(!entries.contains { $0.path == "nonexistent" })
        #expect(entries.contains(.file("etc/pam.d/login", Manifest.pamLogin(service: "login"))))
    }
}
