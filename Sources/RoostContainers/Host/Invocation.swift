// External programs as values: an Invocation is an executable, its argv and
// extra environment, built by small types (SystemdNspawn, IP, Nsenter, …) whose
// output unit tests compare exactly. Running one is the Runner's job; nothing
// here forks or touches the host.

import Foundation

public struct Invocation: Equatable, Sendable, CustomStringConvertible {
    public var executable: String
    public var arguments: [String]
    /// Added to (or replacing in) the caller's environment.
    public var environment: [String: String]

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// argv as the program sees it: the executable's name, then the arguments.
    public var argv: [String] { [executable] + arguments }

    /// A shell-like rendering for messages (not for execution).
    public var description: String {
        argv.map { word in
            word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@%+,".contains($0) }) && !word.isEmpty
                ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}

/// Where the programs roost runs live, and which Debian package has them.
public enum HostProgram: String, CaseIterable, Sendable {
    case systemdNspawn = "systemd-nspawn"
    case ip
    case nsenter
    case unshare
    case umount
    case rm
    case sh
    case sshKeygen = "ssh-keygen"

    public var package: String {
        switch self {
        case .systemdNspawn: return "systemd-container"
        case .ip: return "iproute2"
        case .nsenter, .unshare, .umount: return "util-linux"
        case .rm: return "coreutils"
        case .sh: return "dash"
        case .sshKeygen: return "openssh-client"
        }
    }

    /// The first executable of that name in the usual system directories.
    public func locate() throws(ContainerError) -> String {
        for directory in ["/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin", "/usr/local/sbin"] {
            let candidate = directory + "/" + rawValue
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw .missingProgram(rawValue, package: package)
    }
}

