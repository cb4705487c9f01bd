// create, list, status and destroy without booting anything, in a scratch
// directory: what a new root holds, duplicate names and addresses, roots roost
// did not make, and the repair of a create that was interrupted.

import Foundation
import Glibc
import Testing
@testable import RoostContainers

@Suite(.enabled(if: TestHost.canBoot, "creating containers needs root and systemd-nspawn (apt-get install systemd-container)"))
struct ContainerCreateTests {
    let scratch = ScratchDirectory()
    var engine: ContainerEngine { ContainerEngine(paths: scratch.paths) }

    @Test("create writes the record and a root with /etc rendered from the manifest")
    func createsRoot() throws {
        let name = try ContainerName("web")
        var manifest = Manifest.defaultSystem()
        manifest.units["hello.service"] = Manifest.Unit(text: "[Service]\nExecStart=/bin/true\n", wantedBy: ["multi-user.target"])
        try engine.create(name, manifest: manifest)
        let root = scratch.paths.root(name)
        #expect(readText(root + "/etc/hostname") == "web\n")
        #expect(readText(root + "/etc/passwd") == EtcFiles.passwd(manifest.users, groups: manifest.groups))
        #expect(fileMode(root + "/etc/shadow") == 0o640)
        #expect(fileMode(root + "/root") == 0o700)
        #expect(fileType(root + "/bin") == S_IFLNK)
        #expect(fileType(root + "/etc/systemd/system/multi-user.target.wants/hello.service") == S_IFLNK)
        #expect(readText(root + "/etc/machine-id")?.count == 33)
        #expect(try ContainerRecord.load(from: scratch.paths.record(name)) == ContainerRecord(name: name, manifest: manifest))
        #expect(try engine.status(name).state == .stopped)
        #expect(try engine.list().map(\.name) == [name])
        #expect(fileType(scratch.paths.creating(name)) == nil)
    }

    @Test("a second create of the same name fails and leaves the first untouched")
    func duplicate() throws {
        let name = try ContainerName("web")
        try engine.create(name, manifest: Manifest.defaultSystem())
        let before = readText(scratch.paths.root(name) + "/etc/machine-id")
        #expect(throws: ContainerError.duplicateName("web")) {
            try engine.create(name, manifest: Manifest.defaultSystem(), network: .init(privateNetwork: true))
        }
        #expect(readText(scratch.paths.root(name) + "/etc/machine-id") == before)
        #expect(try engine.status(name).privateNetwork == false)
    }

    @Test("a directory roost has no record of is never created over nor destroyed")
    func foreignRoot() throws {
        let name = try ContainerName("other")
        try FileWrite.directory(scratch.paths.root(name) + "/data", mode: 0o755)
        let expected = ContainerError.notCreatedByRoost(name: "other", path: scratch.paths.root(name))
        #expect(throws: expected) { try engine.create(name, manifest: Manifest.defaultSystem()) }
        #expect(throws: expected) { try engine.destroy(name) }
        #expect(throws: expected) { try engine.start(name) }
        #expect(fileType(scratch.paths.root(name) + "/data") == S_IFDIR)
    }

    @Test("unknown containers are reported as such by every command")
    func unknown() throws {
        let name = try ContainerName("ghost")
        let expected = ContainerError.unknownContainer("ghost")
        #expect(throws: expected) { try engine.start(name) }
        #expect(throws: expected) { try engine.stop(name) }
        #expect(throws: expected) { try engine.destroy(name) }
        #expect(throws: expected) { try engine.status(name) }
        #expect(throws: expected) { try engine.run(name, command: ["true"]) }
        #expect(expected.description == "no container named 'ghost'; `roost list` shows the containers there are")
    }

    @Test("an invalid manifest is refused before anything is written")
    func invalidManifest() throws {
        let name = try ContainerName("bad")
        var manifest = Manifest.defaultSystem()
        manifest.etc["../escape"] = Manifest.EtcFile(text: "x")
        #expect(throws: ContainerError.invalidManifest(
            path: "m.json", reason: "etc file '../escape' must be a relative path below /etc without '.' or '..' parts")) {
            try engine.create(name, manifest: manifest, manifestSource: "m.json")
        }
        #expect(fileType(scratch.paths.root(name)) == nil)
        #expect(fileType(scratch.paths.record(name)) == nil)
    }

    @Test("private networks get distinct free pairs; taken addresses are refused with their owner")
    func addresses() throws {
        let first = try engine.create(try ContainerName("one"), manifest: Manifest(), network: .init(privateNetwork: true))
        let second = try engine.create(try ContainerName("two"), manifest: Manifest(), network: .init(privateNetwork: true))
        let firstPair = [first.network.hostAddress, first.network.localAddress]
        let secondPair = [second.network.hostAddress, second.network.localAddress]
        #expect(Set(firstPair).isDisjoint(with: secondPair))
        #expect(firstPair.allSatisfy { $0.map { $0.value >> 16 == 0x0AE9 } ?? false })
        let taken = try #require(first.network.localAddress)
        #expect(throws: ContainerError.addressInUse(address: taken.description, by: "container 'one'")) {
            try engine.create(try ContainerName("three"), manifest: Manifest(),
                              network: .init(privateNetwork: true, hostAddress: IPv4Address(10, 99, 0, 1), localAddress: taken))
        }
        #expect(throws: ContainerError.addressInUse(address: "127.0.0.1", by: "the host's interface lo")) {
            try engine.create(try ContainerName("four"), manifest: Manifest(),
                              network: .init(privateNetwork: true, hostAddress: IPv4Address(127, 0, 0, 1), localAddress: IPv4Address(10, 99, 0, 2)))
        }
        #expect(throws: ContainerError.addressesWithoutPrivateNetwork) {
            try engine.create(try ContainerName("five"), manifest: Manifest(),
                              network: .init(hostAddress: IPv4Address(10, 99, 0, 1), localAddress: IPv4Address(10, 99, 0, 2)))
        }
        #expect(try engine.list().map(\.name.value) == ["one", "two"])
    }

    @Test("a create interrupted after writing the record is reported, then repaired by the next create")
    func interruptedCreate() throws {
        let name = try ContainerName("half")
        // What a roost killed between writing the record and renaming the root leaves.
        try FileWrite.directory(scratch.paths.records, mode: 0o700)
        try FileWrite.directory(scratch.paths.creating(name) + "/etc", mode: 0o755)
        try ContainerRecord(name: name, manifest: Manifest()).save(to: scratch.paths.record(name))
        #expect(try engine.status(name).state == .incomplete)
        #expect(throws: ContainerError.incomplete("half")) { try engine.start(name) }
        try engine.create(name, manifest: Manifest.defaultSystem())
        #expect(try engine.status(name).state == .stopped)
        #expect(fileType(scratch.paths.creating(name)) == nil)
    }

    @Test("destroy removes the root and the record of an incomplete or stopped container")
    func destroy() throws {
        let name = try ContainerName("gone")
        try engine.create(name, manifest: Manifest.defaultSystem())
        try engine.destroy(name)
        #expect(fileType(scratch.paths.root(name)) == nil)
        #expect(fileType(scratch.paths.record(name)) == nil)
        #expect(fileType(scratch.paths.destroying(name)) == nil)
        #expect(try engine.list().isEmpty)

        try ContainerRecord(name: name, manifest: Manifest()).save(to: scratch.paths.record(name))
        try engine.destroy(name)
        #expect(fileType(scratch.paths.record(name)) == nil)
    }

    @Test("show-ip is the local address, and an error for a shared-network container")
    func showIP() throws {
        let shared = try ContainerName("shared")
        try engine.create(shared, manifest: Manifest())
        #expect(throws: ContainerError.noPrivateNetwork("shared")) { try engine.localAddress(shared) }
        let own = try ContainerName("own")
        try engine.create(own, manifest: Manifest(), network: .init(privateNetwork: true, hostAddress: IPv4Address(10, 98, 0, 1),
                                                                      localAddress: IPv4Address(10, 98, 0, 2)))
        #expect(try engine.localAddress(own) == IPv4Address(10, 98, 0, 2))
    }
}
