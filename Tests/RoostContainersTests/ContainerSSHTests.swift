// The way most users reach a server: sshd inside a private-network container,
// its host key taken from `show-host-key`, and ssh from the host with a key.
// The manifest is hand-written here, as a module would produce it.

import Foundation
import Glibc
import Testing
@testable import RoostContainers

extension ContainerIntegrationTests {
    /// Nested in the integration suite so it runs serialized with the other booting tests.
    @Suite(.enabled(if: TestHost.hasOpenSSH, "needs openssh-server and openssh-client (apt-get install openssh-server openssh-client)"))
    struct SSH {
        /// sshd on port 22 accepting root with one authorized key; host keys made at first start.
        static func manifest(authorizedKey: String) -> Manifest {
            var manifest = Manifest.defaultSystem()
            manifest.users.append(Manifest.User(name: "sshd", uid: 101, group: "nogroup", description: "sshd privilege separation",
                                                home: "/run/sshd", shell: "/usr/sbin/nologin", createHome: false))
            manifest.etc["ssh/sshd_config"] = Manifest.EtcFile(text: """
                HostKey /etc/ssh/ssh_host_ed25519_key
                HostKey /etc/ssh/ssh_host_ecdsa_key
                HostKey /etc/ssh/ssh_host_rsa_key
                AuthorizedKeysFile /etc/ssh/authorized_keys/%u
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM yes

                """)
            manifest.etc["ssh/authorized_keys/root"] = Manifest.EtcFile(text: authorizedKey + "\n")
            manifest.units["sshd.service"] = Manifest.Unit(text: """
                [Unit]
                Description=OpenSSH server
                After=network.target

                [Service]
                ExecStartPre=/usr/bin/ssh-keygen -A
                ExecStartPre=/usr/sbin/sshd -t
                ExecStart=/usr/sbin/sshd -D -e
                RuntimeDirectory=sshd
                RuntimeDirectoryMode=0755

                """, wantedBy: ["multi-user.target"])
            return manifest
        }

        @Test("ssh from the host reaches sshd in the container and checks the key show-host-key reports")
        func sshFromHost() throws {
            let scratch = ScratchDirectory()
            let key = scratch.path + "/id_ed25519"
            try Runner.check(SshKeygen().generate(type: "ed25519", file: key, comment: "roost-test"))
            let publicKey = try #require(readText(key + ".pub")).trimmingCharacters(in: .whitespacesAndNewlines)
            try withContainer(manifest: SSH.manifest(authorizedKey: publicKey)) { engine, name in
                let address = try engine.localAddress(name)
                let port = try #require(connectTCP(address, port: 22))
                close(port)
                let keys = try engine.hostKeys(name, generate: false)
                #expect(keys.map(\.type) == ["ed25519", "ecdsa", "rsa"])
                #expect(keys.allSatisfy { $0.fingerprint.contains("SHA256:") && ($0.publicKey.hasPrefix("ssh-") || $0.publicKey.hasPrefix("ecdsa-")) })
                let knownHosts = scratch.path + "/known_hosts"
                try FileWrite.atomically(path: knownHosts, bytes: Array(keys.map { "\(address) \($0.publicKey)\n" }.joined().utf8),
                                         mode: 0o600)
                let ssh = Invocation("/usr/bin/ssh", [
                    "-F", "/dev/null", "-i", key, "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes",
                    "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "root@\(address)", "hostname; id -u",
                ])
                let result = try Runner.run(ssh)
                #expect(result.status == 0, "ssh failed: \(result.stderr)")
                #expect(result.stdout == "\(name)\n0\n")
            }
        }

        @Test("show-host-key makes keys for a stopped container that has none, and reports none when told not to")
        func hostKeysOfStoppedContainer() throws {
            try withContainer(privateNetwork: false, start: false) { engine, name in
                #expect(throws: ContainerError.noHostKeys(name.value)) { try engine.hostKeys(name, generate: false) }
                let keys = try engine.hostKeys(name, generate: true)
                #expect(keys.count == 3)
                #expect(keys.allSatisfy { $0.publicKey.hasSuffix(" root@\(name)") })
                #expect(fileMode(engine.paths.root(name) + "/etc/ssh/ssh_host_ed25519_key") == 0o600)
                #expect(try engine.hostKeys(name, generate: true) == keys)
            }
        }
    }
}
