// `roost create NAME`: a new container from the default system or a JSON
// manifest, optionally with a private network and started at once.

import ArgumentParser
import Foundation
import RoostContainers

extension Roost {
    struct ContainerCreate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a container (and with --start, boot it).",
            discussion: """
                Without --manifest the container gets a default system: root (log in with \
                `roost root-login`), the basic groups and PAM, and no network services. \
                Its root is /var/lib/containers/NAME.
                """)

        @OptionGroup var target: ContainerTarget

        @Flag(help: "Give the container its own network: veth c-NAME on the host, eth0 inside.")
        var privateNetwork = false

        @Option(help: "The host side's address (with --private-network; default: a free pair from 10.233.0.0/16).")
        var hostAddress: String?

        @Option(help: "The container side's address (with --private-network).")
        var localAddress: String?

        @Option(help: "A JSON manifest of what to add to or change in the default system (see docs/manifest.md).")
        var manifest: String?

        @Flag(help: "Start the container once it is created.")
        var start = false

        func validate() throws {
            if (hostAddress != nil) != (localAddress != nil) {
                throw ValidationError("give both --host-address and --local-address, or neither to get a free pair")
            }
            if hostAddress != nil && hostAddress == localAddress {
                throw ValidationError("--host-address and --local-address must differ")
            }
        }

        func run() throws {
            let name = try target.containerName()
            let host = try hostAddress.map(IPv4Address.parse)
            let local = try localAddress.map(IPv4Address.parse)
            var system = Manifest.defaultSystem()
            var source = "the default manifest"
            if let manifest {
                guard let data = FileManager.default.contents(atPath: manifest) else {
                    throw ContainerError.invalidManifest(path: manifest, reason: "cannot read the file")
                }
                system = try Manifest.decode(json: data, path: manifest).merged(over: system)
                source = manifest
            }
            let request = ContainerEngine.NetworkRequest(
                privateNetwork: privateNetwork,
                hostAddress: host, localAddress: local)
            let engine = Roost.engine()
            let record = try engine.create(name, manifest: system, network: request, manifestSource: source)
            var line = "created \(name)"
            if let host = record.network.hostAddress, let local = record.network.localAddress {
                line += " (host \(host) on \(name.hostInterface), container \(local) on eth0)"
            }
            print(line)
            if start {
                try engine.start(name)
                print("started \(name)")
            }
        }
    }
}
