// Commands run inside a container, as values. `roost run` enters the
// container's namespaces with nsenter and asks the container's own systemd
// (over its private socket, no bus needed) to run the command as a transient
// service: so it runs inside the container's cgroup, capabilities and
// seccomp filter, while systemd-run --pipe hands it roost's stdin, stdout and
// stderr and --wait brings its exit status back.

public struct SystemdRun: Equatable, Sendable {
    /// The path inside the container (the host's /usr is shared).
    public var executable = "/usr/bin/systemd-run"
    public var command: [String]

    public init(command: [String]) { self.command = command }

    public var arguments: [String] {
        [
            // No "Running as unit …" chatter: the output is the command's.
            "--quiet",
            // Wait for the command to end and exit with its status.
            "--wait",
            // Give the command our stdin, stdout and stderr directly.
            "--pipe",
            // Forget the unit when it ends, even if the command failed.
            "--collect",
            // A missing program is an error (status 203), not a unit that fails later.
            "--service-type=exec",
            // Start in root's home like a root shell; "-" tolerates its absence.
            "--property=WorkingDirectory=-/root",
            "--",
        ] + command
    }

    public var invocation: Invocation { Invocation(executable, arguments) }
}

/// ssh-keygen invocations for a container's sshd host keys.
public struct SshKeygen: Equatable, Sendable {
    public var executable: String

    public init(executable: String = "/usr/bin/ssh-keygen") { self.executable = executable }

    public static let keyTypes = ["ed25519", "ecdsa", "rsa"]

    /// Makes one host key without a passphrase, named after the container.
    public func generate(type: String, file: String, comment: String) -> Invocation {
        Invocation(executable, ["-q", "-t", type, "-N", "", "-C", comment, "-f", file])
    }

    /// Prints the fingerprint of the public key given on stdin.
    public func fingerprint() -> Invocation { Invocation(executable, ["-l", "-f", "-"]) }
}
