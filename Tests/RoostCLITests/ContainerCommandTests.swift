// The container commands as a user types them: argument parsing, flags that
// conflict, one-line errors for bad input, and a create/destroy round trip
// through the commands themselves (no boot: that is RoostContainersTests').

import ArgumentParser
import Glibc
import Testing
@testable import RoostCLI
@testable import RoostContainers

@Suite struct ContainerCommandTests {
    @Test("every container command is reachable under its documented name")
    func commandNames() {
        let names = Roost.containerCommands.compactMap { $0.configuration.commandName }
        #expect(names == ["create", "start", "stop", "terminate", "restart", "status", "list", "destroy", "run",
                          "root-login", "login", "show-ip", "show-host-key"])
        for command in Roost.containerCommands {
            #expect(!(command.configuration.abstract.isEmpty), "\(command) has no abstract")
        }
    }

    @Test("usage lines show each command's arguments and flags")
    func usage() {
        #expect(Roost.ContainerCreate.usageString() ==
                "create <name> [--private-network] [--host-address <host-address>] [--local-address <local-address>] [--manifest <manifest>] [--start]")
        #expect(Roost.ContainerRun.usageString() == "run <name> -- [<command> ...]")
        #expect(Roost.ContainerStop.usageString() == "stop <name> [--timeout <timeout>]")
        #expect(Roost.ContainerList.usageString() == "list [--json]")
        #expect(Roost.ContainerShowHostKey.usageString() == "show-host-key <name> [--public-key] [--no-generate]")
    }

    @Test("create parses its network flags and the command after run's --")
    func parsing() throws {
        let create = try #require(try Roost.parseAsRoot(["create", "web", "--private-network", "--host-address", "10.0.0.1",
                                                         "--local-address", "10.0.0.2", "--start"]) as? Roost.ContainerCreate)
        #expect(create.target.name == "web" && create.privateNetwork && create.start)
        #expect(create.hostAddress == "10.0.0.1" && create.localAddress == "10.0.0.2")
        let run = try #require(try Roost.parseAsRoot(["run", "web", "--", "ls", "-l", "--color"]) as? Roost.ContainerRun)
        #expect(run.command == ["ls", "-l", "--color"])
    }

    @Test("conflicting or incomplete flags are rejected before anything runs", arguments: [
        (["create", "web", "--host-address", "10.0.0.1"], "give both --host-address and --local-address, or neither to get a free pair"),
        (["create", "web", "--host-address", "10.0.0.1", "--local-address", "10.0.0.1"], "--host-address and --local-address must differ"),
        (["run", "web"], "give the command after --, e.g. roost run NAME -- uname -a"),
        (["stop", "web", "--timeout", "0"], "--timeout must be between 0 and 3600 seconds"),
    ])
    func rejected(arguments: [String], message: String) {
        #expect(throws: (any Error).self) { try Roost.parseAsRoot(arguments) }
        do {
            _ = try Roost.parseAsRoot(arguments)
        } catch {
            #expect(Roost.message(for: error) == message)
        }
    }

    @Test("a bad name, a bad address or an unknown container is one line and changes nothing", arguments: [
        (["create", "Web"], "invalid container name 'Web': use only lowercase letters, digits and '-'"),
        (["create", "abcdefghijklmn"], "invalid container name 'abcdefghijklmn': it has 14 characters, at most 13 fit the interface name c-NAME"),
        (["create", "web", "--private-network", "--host-address", "10.0.0.256", "--local-address", "10.0.0.2"],
         "'10.0.0.256' is not an IPv4 address (expected four numbers 0-255 like 10.233.0.1)"),
        (["start", "rt-nosuchname"], "no container named 'rt-nosuchname'; `roost list` shows the containers there are"),
        (["destroy", "rt-nosuchname"], "no container named 'rt-nosuchname'; `roost list` shows the containers there are"),
        (["create", "rt-badfile", "--manifest", "/nonexistent/manifest.json"], "cannot read the manifest /nonexistent/manifest.json: cannot read the file"),
    ])
    func oneLineErrors(arguments: [String], message: String) throws {
        guard geteuid() == 0 else { return }
        var command = try Roost.parseAsRoot(arguments)
        do {
            try command.run()
            Issue.record("\(arguments) should have failed")
        } catch {
            #expect(Roost.message(for: error) == message)
            #expect(!Roost.message(for: error).contains("\n"))
        }
        if let name = arguments.dropFirst().first {
            #expect(access("/var/lib/containers/" + name, F_OK) != 0)
            #expect(access("/var/lib/roost/containers/" + name + ".json", F_OK) != 0)
        }
    }

    @Test("create then destroy through the commands leaves the name free again",
          .enabled(if: geteuid() == 0 && access("/usr/bin/systemd-nspawn", X_OK) == 0, "needs root and systemd-nspawn"))
    func createDestroy() throws {
        let name = "rt-cli" + String(UInt16.random(in: 0...0xfff), radix: 16)
        var create = try Roost.parseAsRoot(["create", name, "--private-network"])
        try create.run()
        let engine = ContainerEngine()
        let status = try engine.status(try ContainerName(name))
        #expect(status.state == .stopped && status.privateNetwork && status.localAddress != nil)
        var destroy = try Roost.parseAsRoot(["destroy", name])
        try destroy.run()
        #expect(throws: ContainerError.unknownContainer(name)) { try engine.status(try ContainerName(name)) }
    }
}
