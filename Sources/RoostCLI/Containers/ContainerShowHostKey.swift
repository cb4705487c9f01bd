// `roost show-host-key NAME`: fingerprints (or public keys) of the
// container's sshd host keys, generated first if there are none.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerShowHostKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-host-key",
            abstract: "Show the fingerprints of the container's ssh host keys.",
            discussion: "Keys are generated (ed25519, ecdsa, rsa) if the container has none, unless --no-generate is given.")

        @OptionGroup var target: ContainerTarget

        @Flag(help: "Print the public keys (for known_hosts) instead of their fingerprints.")
        var publicKey = false

        @Flag(help: "Do not generate keys; fail if there are none.")
        var noGenerate = false

        func run() throws {
            let keys = try Roost.engine().hostKeys(try target.containerName(), generate: !noGenerate)
            for key in keys { print(publicKey ? key.publicKey : key.fingerprint) }
        }
    }
}
