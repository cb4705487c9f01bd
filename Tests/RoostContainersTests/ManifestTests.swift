// The manifest as users write it (JSON): defaults for what is left out,
// one-line errors for unknown keys and wrong types, and the checks that keep
// bad names, paths and addresses out of a container's /etc.

import Foundation
import Testing
@testable import RoostContainers

@Suite struct ManifestDecodingTests {
    func decode(_ json: String) throws(ContainerError) -> Manifest {
        try Manifest.decode(json: Data(json.utf8), path: "m.json")
    }

    @Test("an empty object is a manifest with every field at its default")
    func empty() throws {
        #expect(try decode("{}") == Manifest())
    }

    @Test("a user needs only name and uid; group, home and shell get defaults")
    func userDefaults() throws {
        let manifest = try decode(#"{"users": [{"name": "alice", "uid": 1000}, {"name": "root", "uid": 0}]}"#)
        #expect(manifest.users == [
            Manifest.User(name: "alice", uid: 1000, group: "users", home: "/home/alice", shell: "/bin/bash"),
            Manifest.User(name: "root", uid: 0, group: "users", home: "/root", shell: "/bin/bash"),
        ])
    }

    @Test("units, etc files, network and bind mounts decode with their defaults")
    func fullManifest() throws {
        let manifest = try decode("""
            {"hostname": "web", "groups": [{"name": "www", "gid": 33}],
             "etc": {"motd": {"text": "hi\\n"}, "secret": {"text": "x", "mode": "0600"}},
             "units": {"web.service": {"text": "[Service]\\n", "wantedBy": ["multi-user.target"]}},
             "network": {"privateNetwork": true, "hostAddress": "10.1.0.1", "localAddress": "10.1.0.2"},
             "bindMounts": [{"hostPath": "/srv/data"}]}
            """)
        #expect(manifest.hostname == "web")
        #expect(manifest.groups == [Manifest.Group(name: "www", gid: 33)])
        #expect(manifest.etc["motd"] == Manifest.EtcFile(text: "hi\n", mode: "0644"))
        #expect(manifest.etc["secret"]?.mode == "0600")
        #expect(manifest.units["web.service"] == Manifest.Unit(text: "[Service]\n", wantedBy: ["multi-user.target"], enable: true))
        #expect(manifest.network == Manifest.Network(privateNetwork: true, hostAddress: IPv4Address(10, 1, 0, 1),
                                                     localAddress: IPv4Address(10, 1, 0, 2)))
        #expect(manifest.bindMounts == [Manifest.BindMount(hostPath: "/srv/data", mountPoint: nil, readOnly: true)])
    }

    @Test("an unknown key is an error naming the key and where it is")
    func unknownKey() {
        #expect(throws: ContainerError.invalidManifest(
            path: "m.json",
            reason: "users[0].shel: unknown key 'shel' in a user (known: createHome, description, extraGroups, group, hashedPassword, home, name, shell, uid)")) {
            try decode(#"{"users": [{"name": "a", "uid": 1, "shel": "/bin/sh"}]}"#)
        }
    }

    @Test("a value of the wrong type is an error saying what was expected")
    func wrongType() {
        #expect(throws: ContainerError.invalidManifest(path: "m.json", reason: "users[0].uid should be a number")) {
            try decode(#"{"users": [{"name": "a", "uid": "1000"}]}"#)
        }
    }

    @Test("a missing required field is named")
    func missingField() {
        #expect(throws: ContainerError.invalidManifest(path: "m.json", reason: "units.a.service.text is missing")) {
            try decode(#"{"units": {"a.service": {"wantedBy": []}}}"#)
        }
    }

    @Test("a bad address in the network is reported as such")
    func badAddress() throws {
        let error = #expect(throws: ContainerError.self) {
            try decode(#"{"network": {"privateNetwork": true, "hostAddress": "10.0.0.300", "localAddress": "10.0.0.2"}}"#)
        }
        #expect(error?.description.contains("'10.0.0.300' is not an IPv4 address") == true)
    }

    @Test("text that is not JSON is reported as not valid JSON")
    func notJSON() throws {
        let error = #expect(throws: ContainerError.self) { try decode("{users: ") }
        #expect(error?.description.hasPrefix("cannot read the manifest m.json: not valid JSON") == true)
    }

    @Test("a record encodes and decodes back to the same value")
    func recordRoundTrip() throws {
        var manifest = Manifest.defaultSystem()
        manifest.network = Manifest.Network(privateNetwork: true, hostAddress: IPv4Address(10, 233, 0, 1),
                                            localAddress: IPv4Address(10, 233, 0, 2))
        let record = ContainerRecord(name: try ContainerName("web"), manifest: manifest)
        #expect(try JSONDecoder().decode(ContainerRecord.self, from: record.encoded()) == record)
    }
}

@Suite struct ManifestValidationTests {
    @Test("the default system is a valid manifest")
    func defaultIsValid() {
        #expect(Manifest.defaultSystem().problems() == [])
    }

    @Test("accounts with bad names, duplicate ids, unknown groups or ':' in fields are each reported")
    func accountProblems() {
        let manifest = Manifest(
            users: [
                Manifest.User(name: "Bad", uid: 1000, group: "users", home: "/home/bad"),
                Manifest.User(name: "eve", uid: 1000, group: "nogroup", home: "/home/eve", extraGroups: ["wheel"]),
                Manifest.User(name: "mal", uid: 1001, group: "users", description: "a:b", home: "home", hashedPassword: "x\ny"),
            ],
            groups: [Manifest.Group(name: "users", gid: 100), Manifest.Group(name: "users", gid: 100)])
        #expect(manifest.problems() == [
            "group 'users' appears twice",
            "gid 100 is used by two groups",
            "user name 'Bad' is not valid",
            "uid 1000 is used by two users",
            "user 'eve' has primary group 'nogroup', which is not among the groups",
            "user 'eve' is in group 'wheel', which is not among the groups",
            "user 'mal' has home 'home': it must be an absolute path without ':'",
            "user 'mal' has a description with ':' or a newline",
            "user 'mal' has a hashedPassword that is empty or has ':' or a newline",
        ])
    }

    @Test("etc paths that escape /etc, replace rendered files or hold units are refused")
    func fileProblems() {
        let manifest = Manifest(etc: [
            "../shadow": .init(text: ""), "/abs": .init(text: ""), "passwd": .init(text: ""),
            "systemd/system/x.service": .init(text: ""), "ok/file": .init(text: "", mode: "0999"),
        ])
        #expect(manifest.problems() == [
            "etc file '../shadow' must be a relative path below /etc without '.' or '..' parts",
            "etc file '/abs' must be a relative path below /etc without '.' or '..' parts",
            "etc file 'ok/file' has mode '0999'; expected octal like 0644",
            "etc file 'passwd' is rendered by roost from the manifest's other fields",
            "etc file 'systemd/system/x.service' is a unit: put it in units",
        ])
    }

    @Test("units roost owns or with bad names cannot be set, nor bind mounts over /usr")
    func unitProblems() {
        let manifest = Manifest(
            units: ["root-shell.socket": .init(text: ""), "noext": .init(text: ""),
                    "a.service": .init(text: "", wantedBy: ["bad/target"])],
            bindMounts: [Manifest.BindMount(hostPath: "/data", mountPoint: "/usr/local"), Manifest.BindMount(hostPath: "rel")])
        #expect(manifest.problems() == [
            "unit 'a.service' is wanted by 'bad/target', which is not a unit name",
            "unit name 'noext' is not valid (e.g. web.service)",
            "unit 'root-shell.socket' belongs to roost and cannot be replaced",
            "bind mount onto '/usr/local' would hide the container's root or the host's /usr",
            "bind mount path 'rel' must be absolute, without '..', ':' or ','",
        ])
    }

    @Test("addresses need a private network, come in pairs and differ")
    func networkProblems() {
        let a = IPv4Address(10, 0, 0, 1)
        #expect(Manifest(network: .init(privateNetwork: false, hostAddress: a, localAddress: IPv4Address(10, 0, 0, 2))).problems()
                == ["network: hostAddress and localAddress need privateNetwork = true"])
        #expect(Manifest(network: .init(privateNetwork: true, hostAddress: a)).problems()
                == ["network: give both hostAddress and localAddress, or neither to get a free pair"])
        #expect(Manifest(network: .init(privateNetwork: true, hostAddress: a, localAddress: a)).problems()
                == ["network: hostAddress and localAddress are both 10.0.0.1"])
    }
}
