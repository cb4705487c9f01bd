// Getting into a running container: the root shell and login sockets (with a
// terminal when the user has one), `run` with the command's exit status, the
// container's address and its ssh host keys. Sockets are opened through the
// container's root without following symlinks, because the container's root
// user could otherwise point them at a socket of the host.

import Glibc

extension ContainerEngine {
    /// Opens a stream connection to a socket file inside the container's root.
    public func connect(_ name: ContainerName, socket relative: String) throws(ContainerError) -> Int32 {
        try requireRoot()
        let record = try existing(name)
        guard runningNspawn(name) != nil else { throw .notRunning(name.value) }
        let root = try RootDirectory(path: paths.root(record.name))
        let path = paths.root(name) + "/" + relative
        let handle: Int32
        do throws(ContainerError) {
            handle = try root.openPath(relative)
        } catch {
            throw .notRunning(name.value)
        }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw .syscall("connect", path: path, errno: ENOTSOCK)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .errno("socket", path) }
        var address = sockaddr_un()
        _ = UnixAddress.fill(&address, path: "/proc/self/fd/\(handle)")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = Glibc.errno
            close(fd)
            if code == ECONNREFUSED || code == ENOENT { throw .notRunning(name.value) }
            throw .syscall("connect", path: path, errno: code)
        }
        return fd
    }

    /// A root shell. On a terminal the shell gets a pseudo-terminal of the
    /// same size; otherwise stdin is read as shell commands.
    public func rootLogin(_ name: ContainerName) throws(ContainerError) -> Int32 {
        let fd = try connect(name, socket: EngineFiles.rootShellSocket)
        defer { close(fd) }
        let interactive = TerminalRelay.stdinIsTerminal
        if interactive {
            let (rows, columns) = TerminalRelay.windowSize() ?? (24, 80)
            let line = EngineFiles.rootTerminalRequest(rows: rows, columns: columns, term: TerminalRelay.terminalType())
            guard RootDirectory.writeAll(fd, Array(line.utf8)) else { throw .errno("write", paths.rootShellSocket(name)) }
        }
        return TerminalRelay.relay(socket: fd, raw: interactive)
    }

    /// A login prompt; on a terminal it is sized like the user's window.
    public func login(_ name: ContainerName) throws(ContainerError) -> Int32 {
        let fd = try connect(name, socket: EngineFiles.loginSocket)
        defer { close(fd) }
        let interactive = TerminalRelay.stdinIsTerminal
        if interactive {
            let (rows, columns) = TerminalRelay.windowSize() ?? (24, 80)
            let line = EngineFiles.loginTerminalRequest(rows: rows, columns: columns, term: TerminalRelay.terminalType())
            guard RootDirectory.writeAll(fd, Array(line.utf8)) else { throw .errno("write", paths.loginSocket(name)) }
        }
        return TerminalRelay.relay(socket: fd, raw: interactive)
    }

    /// The invocation `run` uses: nsenter into the container, systemd-run there.
    public func runInvocation(_ name: ContainerName, command: [String]) throws(ContainerError) -> Invocation {
        let leader = try self.leader(name)
        return Nsenter(executable: try HostProgram.nsenter.locate()).container(leader: leader,
                                                                               SystemdRun(command: command).invocation)
    }

    /// Runs a command inside the container with roost's stdio; returns its exit status.
    public func run(_ name: ContainerName, command: [String]) throws(ContainerError) -> Int32 {
        try requireRoot()
        return try Runner.runInheritingStdio(try runInvocation(name, command: command))
    }

    /// Runs a command inside the container and captures its output.
    public func capture(_ name: ContainerName, command: [String], input: [UInt8] = []) throws(ContainerError) -> RunResult {
        try requireRoot()
        return try Runner.run(try runInvocation(name, command: command), input: input)
    }

    public func localAddress(_ name: ContainerName) throws(ContainerError) -> IPv4Address {
        let record = try existing(name)
        guard record.network.privateNetwork, let address = record.network.localAddress else {
            throw .noPrivateNetwork(name.value)
        }
        return address
    }
}
