// The external programs roost runs, compared as exact argv: systemd-nspawn,
// the cgroup launcher, iproute2 batches, nsenter, unshare, systemd-run and
// ssh-keygen. Nothing here runs them.

import Testing
@testable import RoostContainers

@Suite struct InvocationTests {
    @Test("nspawn for a private-network container joins roost's namespace with CAP_NET_ADMIN")
    func nspawnPrivate() throws {
        let nspawn = SystemdNspawn(name: try ContainerName("web"), root: "/var/lib/containers/web",
                                   networkNamespace: "/run/roost/netns/web",
                                   bindMounts: [Manifest.BindMount(hostPath: "/srv/data", mountPoint: "/data", readOnly: false)],
                                   sharedReadOnly: ["/var/lib/roost/store"])
        #expect(nspawn.invocation.argv == [
            "/usr/bin/systemd-nspawn", "--register=no", "--keep-unit", "--directory=/var/lib/containers/web",
            "--machine=web", "--boot", "--notify-ready=yes", "--console=read-only", "--link-journal=no",
            "--bind-ro=/usr", "--bind-ro=/var/lib/roost/store", "--bind=/srv/data:/data",
            "--network-namespace-path=/run/roost/netns/web", "--capability=CAP_NET_ADMIN", "--resolv-conf=off",
        ])
    }

    @Test("nspawn for a shared-network container gets no extra capability and the host's resolvers")
    func nspawnShared() throws {
        let nspawn = SystemdNspawn(name: try ContainerName("db"), root: "/c/db",
                                   bindMounts: [Manifest.BindMount(hostPath: "/srv")])
        #expect(nspawn.arguments == [
            "--register=no", "--keep-unit", "--directory=/c/db", "--machine=db", "--boot", "--notify-ready=yes",
            "--console=read-only", "--link-journal=no", "--bind-ro=/usr", "--bind-ro=/srv", "--resolv-conf=copy-host",
        ])
    }

    @Test("the launcher joins every cgroup and writes the pid file, then execs the program with its environment")
    func launcher() {
        let program = Invocation("/usr/bin/systemd-nspawn", ["--boot"], environment: ["NOTIFY_SOCKET": "/run/n.sock"])
        let launcher = Launcher(pidFiles: ["/sys/fs/cgroup/unified/roost/web/cgroup.procs",
                                                   "/sys/fs/cgroup/systemd/roost/web/cgroup.procs", "/run/roost/containers/web/nspawn.pid"],
                                program: program)
        #expect(launcher.invocation == Invocation("/bin/sh", [
            "-c", #"while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@""#, "roost-launch",
            "/sys/fs/cgroup/unified/roost/web/cgroup.procs", "/sys/fs/cgroup/systemd/roost/web/cgroup.procs",
            "/run/roost/containers/web/nspawn.pid", "--", "/usr/bin/systemd-nspawn", "--boot",
        ], environment: ["NOTIFY_SOCKET": "/run/n.sock"]))
    }

    @Test("the veth pair is made with its container end inside the namespace")
    func veth() {
        #expect(IP().addVethPair(hostInterface: "c-web", namespacePath: "/run/roost/netns/web").argv == [
            "/usr/sbin/ip", "link", "add", "c-web", "type", "veth", "peer", "name", "eth0", "netns", "/run/roost/netns/web",
        ])
        #expect(IP().deleteLink("c-web").argv == ["/usr/sbin/ip", "link", "delete", "c-web"])
        #expect(IP().batch().argv == ["/usr/sbin/ip", "-batch", "-"])
    }

    @Test("both ends get /32 addresses and routes to each other; the container routes via the host")
    func addresses() {
        let host = IPv4Address(10, 233, 0, 1), local = IPv4Address(10, 233, 0, 2)
        #expect(IP.hostSide(interface: "c-web", host: host, local: local) == """
            address add 10.233.0.1/32 dev c-web
            link set c-web up
            route add 10.233.0.2/32 dev c-web

            """)
        #expect(IP.containerSide(host: host, local: local) == """
            link set lo up
            address add 10.233.0.2/32 dev eth0
            link set eth0 up
            route add 10.233.0.1/32 dev eth0
            route add default via 10.233.0.1 dev eth0

            """)
    }

    @Test("nsenter enters a path's network namespace or all of a container's namespaces")
    func nsenter() {
        let program = Invocation("/usr/sbin/ip", ["-batch", "-"])
        #expect(Nsenter().network("/run/roost/netns/web", program).argv ==
                ["/usr/bin/nsenter", "--net=/run/roost/netns/web", "--", "/usr/sbin/ip", "-batch", "-"])
        #expect(Nsenter().container(leader: 4242, program).argv ==
                ["/usr/bin/nsenter", "--target", "4242", "--all", "--", "/usr/sbin/ip", "-batch", "-"])
        #expect(Unshare().persistentNetworkNamespace(at: "/run/roost/netns/web").argv ==
                ["/usr/bin/unshare", "--net=/run/roost/netns/web", "--", "/bin/true"])
    }

    @Test("run asks the container's systemd for a piped, waited-for transient service")
    func systemdRun() {
        #expect(SystemdRun(command: ["sh", "-c", "exit 3"]).invocation.argv == [
            "/usr/bin/systemd-run", "--quiet", "--wait", "--pipe", "--collect", "--service-type=exec",
            "--property=WorkingDirectory=-/root", "--", "sh", "-c", "exit 3",
        ])
    }

    @Test("host keys are generated without passphrase and fingerprinted from stdin")
    func keygen() {
        #expect(SshKeygen().generate(type: "ed25519", file: "/etc/ssh/ssh_host_ed25519_key", comment: "root@web").argv == [
            "/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "root@web", "-f", "/etc/ssh/ssh_host_ed25519_key",
        ])
        #expect(SshKeygen().fingerprint().argv == ["/usr/bin/ssh-keygen", "-l", "-f", "-"])
    }

    @Test("an invocation renders shell-quoted for messages")
    func rendering() {
        #expect(Invocation("/bin/sh", ["-c", "echo 'hi' there", ""]).description == #"/bin/sh -c 'echo '\''hi'\'' there' ''"#)
    }

    @Test("exit statuses decode like a shell's: the code, or 128 plus the signal")
    func exitStatus() {
        #expect(Runner.exitStatus(3 << 8) == 3)
        #expect(Runner.exitStatus(9) == 137)
    }
}
