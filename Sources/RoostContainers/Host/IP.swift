// iproute2 invocations for a container's private network, as values: the veth
// pair c-NAME <-> eth0, and the /32 addresses and routes on both ends, the way
// nixos-containers wire hostAddress and localAddress. Several commands go
// through one `ip -batch -` so each side costs one process.

public struct IP: Equatable, Sendable {
    public var executable: String

    public init(executable: String = "/usr/sbin/ip") { self.executable = executable }

    /// Creates the pair with its container end already in the namespace.
    public func addVethPair(hostInterface: String, containerInterface: String = "eth0",
                            namespacePath: String) -> Invocation {
        Invocation(executable, ["link", "add", hostInterface, "type", "veth",
                                "peer", "name", containerInterface, "netns", namespacePath])
    }

    public func deleteLink(_ interface: String) -> Invocation {
        Invocation(executable, ["link", "delete", interface])
    }

    /// Runs the commands of a batch script read from stdin.
    public func batch() -> Invocation { Invocation(executable, ["-batch", "-"]) }

    /// Host side: its address, the link up, a route to the container's address.
    public static func hostSide(interface: String, host: IPv4Address, local: IPv4Address) -> String {
        """
        address add \(host)/32 dev \(interface)
        link set \(interface) up
        route add \(local)/32 dev \(interface)

        """
    }

    /// Container side: loopback, its address, a route to the host and the
    /// host as default gateway (so host-side NAT, if any, gives it the world).
    public static func containerSide(interface: String = "eth0", host: IPv4Address, local: IPv4Address) -> String {
        """
        link set lo up
        address add \(local)/32 dev \(interface)
        link set \(interface) up
        route add \(host)/32 dev \(interface)
        route add default via \(host) dev \(interface)

        """
    }
}

/// util-linux nsenter: run a program inside namespaces of another process or
/// inside a namespace bind-mounted at a path.
public struct Nsenter: Equatable, Sendable {
    public var executable: String

    public init(executable: String = "/usr/bin/nsenter") { self.executable = executable }

    /// Runs `program` in the network namespace at `path` (and nothing else of it).
    public func network(_ path: String, _ program: Invocation) -> Invocation {
        Invocation(executable, ["--net=" + path, "--"] + program.argv, environment: program.environment)
    }

    /// Runs `program` in every namespace of the container whose PID 1 is `leader`.
    public func container(leader: Int32, _ program: Invocation) -> Invocation {
        Invocation(executable, ["--target", String(leader), "--all", "--"] + program.argv,
                   environment: program.environment)
    }
}

/// util-linux unshare: a new network namespace, kept alive by a bind mount
/// at `path` (the file must exist) after the process itself exits.
public struct Unshare: Equatable, Sendable {
    public var executable: String

    public init(executable: String = "/usr/bin/unshare") { self.executable = executable }

    public func persistentNetworkNamespace(at path: String) -> Invocation {
        Invocation(executable, ["--net=" + path, "--", "/bin/true"])
    }
}
