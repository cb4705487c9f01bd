// `show-host-key`: the container's sshd host keys (public half and
// fingerprint), made first if there are none and the caller allows it. Keys
// are generated inside a running container (so its root cannot redirect the
// writes), or from the host into a stopped one after checking etc/ssh is a
// real directory. Public keys are read without following symlinks.

import Glibc

public struct HostKey: Equatable, Sendable {
    public var type: String
    public var publicKey: String
    public var fingerprint: String
}

extension ContainerEngine {
    public func hostKeys(_ name: ContainerName, generate: Bool) throws(ContainerError) -> [HostKey] {
        try requireRoot()
        let lock = try self.lock(name)
        defer { lock.release() }
        let record = try existing(name)
        let root = try RootDirectory(path: paths.root(record.name))
        let keygen = SshKeygen(executable: try HostProgram.sshKeygen.locate())
        let files = SshKeygen.keyTypes.map { "etc/ssh/ssh_host_\($0)_key" }
        if generate && !files.contains(where: { root.exists($0 + ".pub") }) {
            let hostname = record.manifest.hostname ?? name.value
            if let leader = try? self.leader(name) {
                let nsenter = Nsenter(executable: try HostProgram.nsenter.locate())
                for (type, file) in zip(SshKeygen.keyTypes, files) {
                    let inside = SshKeygen(executable: keygen.executable).generate(type: type, file: "/" + file,
                                                                                  comment: "root@" + hostname)
                    try Runner.check(nsenter.container(leader: leader, SystemdRun(command: ["/bin/sh", "-c",
                        "mkdir -p /etc/ssh && exec \"$@\"", "keygen"] + inside.argv).invocation))
                }
            } else {
                try root.write([.directory("etc/ssh")])
                for (type, file) in zip(SshKeygen.keyTypes, files) {
                    try Runner.check(keygen.generate(type: type, file: paths.root(name) + "/" + file,
                                                     comment: "root@" + hostname))
                }
            }
        }
        var keys: [HostKey] = []
        for (type, file) in zip(SshKeygen.keyTypes, files) where root.exists(file + ".pub") {
            let text = try root.readFile(file + ".pub", limit: 16384).trimmingTrailingNewlines()
            let result = try Runner.check(keygen.fingerprint(), input: Array((text + "\n").utf8))
            keys.append(HostKey(type: type, publicKey: text, fingerprint: result.stdout.trimmingTrailingNewlines()))
        }
        guard !keys.isEmpty else { throw .noHostKeys(name.value) }
        return keys
    }
}
