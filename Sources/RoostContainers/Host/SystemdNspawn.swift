// The systemd-nspawn command line that boots a container, as a value. Every
// flag is passed for a reason stated beside it; unit tests compare the argv
// exactly. Where nspawn runs (detached, in its own cgroup) is ContainerEngine's
// concern, not this file's.

public struct SystemdNspawn: Equatable, Sendable {
    public var executable = "/usr/bin/systemd-nspawn"
    public var name: ContainerName
    public var root: String
    /// A network namespace prepared by roost (veth inside); nil shares the host's network.
    public var networkNamespace: String?
    public var bindMounts: [Manifest.BindMount] = []
    /// Host directories always shared read-only besides /usr (the Roost store), if present.
    public var sharedReadOnly: [String] = []

    public init(name: ContainerName, root: String, networkNamespace: String? = nil,
                bindMounts: [Manifest.BindMount] = [], sharedReadOnly: [String] = []) {
        self.name = name
        self.root = root
        self.networkNamespace = networkNamespace
        self.bindMounts = bindMounts
        self.sharedReadOnly = sharedReadOnly
    }

    public var arguments: [String] {
        var args = [
            // Do not register with systemd-machined: it needs a system bus,
            // which hosts without a service manager (and CI) do not have.
            "--register=no",
            // Stay in the cgroup roost put us in instead of asking the (absent)
            // service manager for a scope unit of our own.
            "--keep-unit",
            // The container's root: its etc/, var/, root/ and home/ persist here.
            "--directory=" + root,
            // The machine name, also the UTS hostname until /etc/hostname is read.
            "--machine=" + name.value,
            // Run the init system (systemd from the host's /usr) as PID 1.
            "--boot",
            // Pass on READY=1 once the container's systemd has finished
            // booting; `roost start` waits for it on NOTIFY_SOCKET.
            "--notify-ready=yes",
            // No terminal is attached: copy the console's output to the log
            // under /run/roost and never read input from it.
            "--console=read-only",
            // Do not link the container's journal into the host's /var/log/journal.
            "--link-journal=no",
            // The host's software, shared read-only as NixOS containers share /nix/store.
            "--bind-ro=/usr",
        ]
        // Further host trees every container shares read-only (e.g. the store).
        args += sharedReadOnly.map { "--bind-ro=" + $0 }
        // The manifest's own bind mounts.
        for mount in bindMounts {
            let target = mount.mountPoint.map { mount.hostPath + ":" + $0 } ?? mount.hostPath
            args.append((mount.readOnly ? "--bind-ro=" : "--bind=") + target)
        }
        if let networkNamespace {
            args += [
                // Join the namespace roost prepared, where eth0 is already up
                // with its address and routes.
                "--network-namespace-path=" + networkNamespace,
                // The container may manage its own interfaces, routes and
                // firewall; in its own namespace that touches nothing of the host's.
                "--capability=CAP_NET_ADMIN",
                // Keep the container's own /etc/resolv.conf: the host's
                // resolvers may be unreachable from a private network.
                "--resolv-conf=off",
            ]
        } else {
            // Sharing the host's network means sharing its resolvers.
            args.append("--resolv-conf=copy-host")
        }
        return args
    }

    public var invocation: Invocation { Invocation(executable, arguments) }
}
