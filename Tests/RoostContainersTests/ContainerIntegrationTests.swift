// Real containers, booted as root and used as a user would: over TCP on the
// private network, through the sockets, with `run`; stopped and started
// again, checked for isolation, started twice at once and destroyed without a
// trace. Serialized so a 2-core machine boots one container at a time.

import Foundation
import Glibc
import Testing
@testable import RoostContainers

@Suite(.serialized, .enabled(if: TestHost.canBoot, "booting containers needs root and systemd-nspawn (apt-get install systemd-container)"))
struct ContainerIntegrationTests {
    @Test("a private-network container boots and a TCP listener inside answers from the host")
    func tcpFromHost() throws {
        try withContainer { engine, name in
            #expect(try engine.status(name).state == .running)
            _ = try engine.shell(name, "systemd-run --quiet --unit=greeter -- socat TCP-LISTEN:7000,reuseaddr,fork SYSTEM:'echo hello from $(hostname)'")
            let fd = try #require(connectTCP(try engine.localAddress(name), port: 7000))
            defer { close(fd) }
            #expect(readUntil(fd, nil) == "hello from \(name)\n")
        }
    }

    @Test("run hands the command stdin, keeps stdout and stderr apart and returns its exit status")
    func runStatus() throws {
        try withContainer(privateNetwork: false) { engine, name in
            let result = try engine.capture(name, command: ["/bin/sh", "-c", "cat; echo oops >&2; exit 7"], input: Array("data\n".utf8))
            #expect(result.status == 7)
            #expect(result.stdout == "data\n")
            #expect(result.stderr == "oops\n")
            #expect(try engine.capture(name, command: ["true"]).status == 0)
            #expect(try engine.capture(name, command: ["/no/such/program"]).status != 0)
            #expect(try engine.shell(name, "pwd; id -un") == "/root\nroot\n")
        }
    }

    @Test("the sockets are root-only sockets and the root shell runs piped commands")
    func sockets() throws {
        try withContainer(privateNetwork: false) { engine, name in
            for path in [engine.paths.rootShellSocket(name), engine.paths.loginSocket(name)] {
                var info = stat()
                #expect(lstat(path, &info) == 0)
                #expect(info.st_mode & S_IFMT == S_IFSOCK)
                #expect(info.st_mode & 0o777 == 0o600)
                #expect(info.st_uid == 0 && info.st_gid == 0)
            }
            let fd = try engine.connect(name, socket: EngineFiles.rootShellSocket)
            defer { close(fd) }
            send(fd, "echo $((6 * 7)); hostname; id -u\n")
            shutdown(fd, Int32(SHUT_WR))
            #expect(readUntil(fd, nil) == "42\n\(name)\n0\n")
        }
    }

    @Test("root-login's terminal request gives the shell a pseudo-terminal of the asked size and type")
    func rootTerminal() throws {
        try withContainer(privateNetwork: false) { engine, name in
            let fd = try engine.connect(name, socket: EngineFiles.rootShellSocket)
            defer { close(fd) }
            send(fd, EngineFiles.rootTerminalRequest(rows: 33, columns: 99, term: "xterm-256color"))
            send(fd, "echo size=$(stty size) term=$TERM tty=$(tty); exit\r")
            let output = readUntil(fd, nil)
            #expect(output.contains("size=33 99 term=xterm-256color tty=/dev/pts/"), "got: \(output)")
        }
    }

    /// The default system plus a user alice whose password is "secret".
    static func withAlice() -> Manifest {
        var manifest = Manifest.defaultSystem()
        // SHA-512 crypt of "secret" (openssl passwd -6 -salt roosttest secret).
        manifest.users.append(Manifest.User(name: "alice", uid: 1000, group: "users", home: "/home/alice",
            hashedPassword: "$6$roosttest$AgisUrlZy0w62wH61sEwDayBaVi1SCqriHh9PJfkLwLwqiLiJ0F.a249Mo4uVesdPWRxjciJUiO4K/2.YeEM/1"))
        return manifest
    }

    @Test("login's terminal request gives login(1) a sized terminal, and bad requests are refused")
    func loginTerminal() throws {
        try withContainer(privateNetwork: false, manifest: Self.withAlice()) { engine, name in
            let fd = try engine.connect(name, socket: EngineFiles.loginSocket)
            defer { close(fd) }
            send(fd, EngineFiles.loginTerminalRequest(rows: 40, columns: 100, term: "vt100"))
            #expect(readUntil(fd, "login: ").hasSuffix("\(name) login: "))
            send(fd, "alice\r")
            _ = readUntil(fd, "Password: ")
            send(fd, "secret\r")
            _ = readUntil(fd, "alice@\(name)")
            send(fd, "echo size=$(stty size) term=$TERM; exit\r")
            #expect(readUntil(fd, nil).contains("size=40 100 term=vt100"))

            let bad = try engine.connect(name, socket: EngineFiles.loginSocket)
            defer { close(bad) }
            send(bad, "#roost-terminal 40 100 $(reboot)\n")
            #expect(readUntil(bad, nil) == "login: expected a user name\n")
            #expect(try engine.status(name).state == .running)
        }
    }

    @Test("login.socket asks for the password and logs the user in")
    func login() throws {
        try withContainer(privateNetwork: false, manifest: Self.withAlice()) { engine, name in
            let fd = try engine.connect(name, socket: EngineFiles.loginSocket)
            defer { close(fd) }
            send(fd, "alice\n")
            #expect(readUntil(fd, "Password: ").hasSuffix("Password: "))
            send(fd, "secret\n")
            #expect(readUntil(fd, "alice@\(name)").contains("alice@\(name)"))
            send(fd, "echo logged in as $(id -un) in $PWD; exit\n")
            #expect(readUntil(fd, nil).contains("logged in as alice in /home/alice"))
        }
    }

    @Test("a wrong password is refused by login.socket")
    func loginRefused() throws {
        try withContainer(privateNetwork: false) { engine, name in
            let fd = try engine.connect(name, socket: EngineFiles.loginSocket)
            defer { close(fd) }
            send(fd, "root\n")
            _ = readUntil(fd, "Password: ")
            send(fd, "guess\n")
            #expect(readUntil(fd, "Login incorrect").contains("Login incorrect"))
        }
    }

    @Test("a file written in /root is still there after stop and start")
    func persistence() throws {
        try withContainer { engine, name in
            _ = try engine.shell(name, "echo kept > /root/note; echo gone > /tmp/scratch")
            #expect(try engine.stop(name) == .stopped)
            #expect(try engine.status(name).state == .stopped)
            #expect(throws: ContainerError.notRunning(name.value)) { try engine.capture(name, command: ["true"]) }
            #expect(try engine.start(name) != .alreadyRunning)
            #expect(try engine.shell(name, "cat /root/note; test -e /tmp/scratch || echo tmp-cleaned") == "kept\ntmp-cleaned\n")
        }
    }

    @Test("the container sees only its own processes, cannot write /usr or the host's cgroups, and has its own hostname")
    func isolation() throws {
        var hostBefore = [CChar](repeating: 0, count: 256)
        gethostname(&hostBefore, hostBefore.count)
        try withContainer { engine, name in
            #expect(try engine.shell(name, "cat /proc/1/comm") == "systemd\n")
            let processes = try engine.shell(name, "ls /proc | grep -c '^[0-9]'")
            #expect((Int(processes.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 999) < 30)
            #expect(try engine.capture(name, command: ["touch", "/usr/roost-test"]).status != 0)
            #expect(fileType("/usr/roost-test") == nil)
            for hierarchy in Cgroup.hierarchies() {
                let inside = "/sys/fs/cgroup" + hierarchy.dropFirst("/sys/fs/cgroup".count)
                #expect(try engine.capture(name, command: ["mkdir", inside + "/../roost-escape"]).status != 0)
                // The container's cgroup namespace starts at its own cgroup: the host's roost/ is not in sight.
                #expect(try engine.shell(name, "test ! -e \(inside)/roost && echo hidden") == "hidden\n")
            }
            #expect(try engine.capture(name, command: ["mkdir", "/sys/fs/cgroup/memory/roost-escape"]).status != 0)
            #expect(try engine.shell(name, "hostname") == "\(name)\n")
            var hostAfter = [CChar](repeating: 0, count: 256)
            gethostname(&hostAfter, hostAfter.count)
            #expect(hostAfter == hostBefore)
            // Its own network: CAP_NET_ADMIN (bit 12) inside, but only lo and eth0 to use it on.
            let capabilities = try engine.shell(name, "grep CapEff /proc/self/status | cut -f2")
            #expect(((UInt64(capabilities.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) ?? 0) >> 12) & 1 == 1)
            #expect(try engine.shell(name, "ip -o link show | cut -d: -f2 | cut -d@ -f1 | tr -d ' ' | sort") == "eth0\nlo\n")
            _ = try engine.capture(name, command: ["ip", "link", "set", "eth0", "down"])
            #expect(HostInterfaces.exists(name.hostInterface))
        }
    }

    @Test("a container on the host's network gets no CAP_NET_ADMIN")
    func sharedNetwork() throws {
        try withContainer(privateNetwork: false) { engine, name in
            let capabilities = try engine.shell(name, "grep CapEff /proc/self/status | cut -f2")
            #expect(((UInt64(capabilities.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) ?? 1 << 12) >> 12) & 1 == 0)
            #expect(try engine.capture(name, command: ["ip", "link", "set", "lo", "down"]).status != 0)
            #expect(!HostInterfaces.exists(name.hostInterface))
        }
    }

    @Test("two starts at once boot the container once; the other finds it running")
    func concurrentStarts() throws {
        try withContainer(start: false) { engine, name in
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do { outcomes.append(try engine.start(name)) } catch { outcomes.fail("\(error)") }
            }
            #expect(outcomes.failures.isEmpty)
            #expect(outcomes.values.filter { $0 == .alreadyRunning }.count == 1)
            #expect(outcomes.values.filter { $0 != .alreadyRunning }.count == 1)
            let nspawns = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { Int32($0) }
                .filter { Processes.isAlive($0) && Processes.commandLine($0).contains("--machine=\(name)") }
            #expect(nspawns.count == 1)
        }
    }

    @Test("restart boots a new PID 1 and terminate stops the container at once")
    func restartAndTerminate() throws {
        try withContainer { engine, name in
            let first = try engine.leader(name)
            #expect(try engine.restart(name) != .alreadyRunning)
            let second = try engine.leader(name)
            #expect(second != first && !Processes.isAlive(first))
            #expect(try engine.terminate(name) == .stopped)
            #expect(!Processes.isAlive(second))
            #expect(try engine.status(name).state == .stopped)
            #expect(!HostInterfaces.exists(name.hostInterface))
            #expect(try engine.terminate(name) == .notRunning)
        }
    }

    @Test("a container that cannot boot makes start fail with the log, leaving nothing running")
    func bootFailure() throws {
        try withContainer(start: false) { engine, name in
            // A file where the shared /usr must be mounted: nspawn cannot set the container up.
            let usr = engine.paths.root(name) + "/usr"
            #expect(rmdir(usr) == 0)
            try FileWrite.atomically(path: usr, bytes: Array("not a directory\n".utf8), mode: 0o644)
            let error = #expect(throws: ContainerError.self) { try engine.start(name) }
            guard case .bootFailed(name: name.value, reason: _, log: engine.paths.consoleLog(name)) = error else {
                Issue.record("expected bootFailed, got \(String(describing: error))")
                return
            }
            #expect(try engine.status(name).state == .stopped)
            #expect(!HostInterfaces.exists(name.hostInterface))
            #expect(fileType(engine.paths.netns(name)) == nil)
        }
    }

    @Test("start gives up with a clear error when the container is not ready in time")
    func readyTimeout() throws {
        try withContainer(start: false) { engine, name throws in
            var impatient = engine
            impatient.readyTimeout = 0.001
            #expect(throws: ContainerError.notReady(name: name.value, seconds: 0, log: engine.paths.consoleLog(name))) {
                try impatient.start(name)
            }
            #expect(try engine.status(name).state == .stopped)
            #expect(!hostProcessMentions("--machine=\(name)"))
        }
    }

    @Test("in foreground mode nspawn runs under its caller, reports ready to the caller's socket, and stop cleans up")
    func foreground() throws {
        try withContainer(start: false) { engine, name in
            let scratch = ScratchDirectory()
            let notify = try NotifySocket(path: scratch.path + "/notify.sock")
            var program = try engine.prepareForeground(name)
            // What systemd does for roost-container@.service: a delegated cgroup, NOTIFY_SOCKET set.
            let cgroup = Cgroup(name: name)
            try cgroup.create()
            program.environment["NOTIFY_SOCKET"] = notify.path
            let log = open("/dev/null", O_WRONLY | O_CLOEXEC)
            defer { close(log) }
            let pid = try Runner.spawnDetached(Launcher(pidFiles: cgroup.procsFiles, program: program).invocation, log: log)
            var ready = false
            let deadline = Clock.now() + 30
            while !ready && Clock.now() < deadline && Processes.isAlive(pid) {
                ready = notify.receive(milliseconds: 100)?["READY"] == "1"
            }
            #expect(ready)
            let status = try engine.status(name)
            #expect(status.state == .running && status.nspawnPID == pid && status.leaderPID != nil)
            #expect(throws: ContainerError.alreadyRunning(name.value)) { try engine.prepareForeground(name) }
            #expect(try engine.shell(name, "hostname") == "\(name)\n")
            #expect(try engine.stop(name) == .stopped)
            #expect(!Processes.isAlive(pid))
            #expect(!HostInterfaces.exists(name.hostInterface))
        }
    }

    @Test("a root that systemd-nspawn runs without roost is neither started nor destroyed")
    func foreignNspawn() throws {
        try withContainer(privateNetwork: false, start: false) { engine, name in
            let scratch = ScratchDirectory()
            let notify = try NotifySocket(path: scratch.path + "/notify.sock")
            let cgroup = Cgroup(name: name)
            try cgroup.create()
            var program = SystemdNspawn(name: name, root: engine.paths.root(name)).invocation
            program.environment["NOTIFY_SOCKET"] = notify.path
            let log = open("/dev/null", O_WRONLY | O_CLOEXEC)
            defer { close(log) }
            let pid = try Runner.spawnDetached(Launcher(pidFiles: cgroup.procsFiles, program: program).invocation, log: log)
            var leader: Int32?
            let deadline = Clock.now() + 30
            while leader == nil && Clock.now() < deadline && Processes.isAlive(pid) {
                leader = notify.receive(milliseconds: 100)?["X_NSPAWN_LEADER_PID"].flatMap { Int32($0) }
            }
            defer {
                if let leader { kill(leader, SIGKILL) }
                _ = Processes.waitUntilGone(pid, timeout: 10)
                cgroup.killAll()
                cgroup.remove()
            }
            #expect(leader != nil)
            #expect(throws: ContainerError.runByOther(name: name.value, pid: pid)) { try engine.start(name) }
            #expect(throws: ContainerError.runByOther(name: name.value, pid: pid)) { try engine.destroy(name) }
            #expect(fileType(engine.paths.root(name) + "/etc/hostname") == S_IFREG)
        }
    }

    @Test("destroy leaves no veth, network namespace, mount, process, cgroup or directory behind")
    func destroyLeavesNothing() throws {
        let engine = ContainerEngine()
        let name = try uniqueName("rt")
        defer { try? engine.destroy(name) }
        try engine.create(name, manifest: Manifest.defaultSystem(), network: .init(privateNetwork: true))
        try engine.start(name)
        let status = try engine.status(name)
        let leader = try #require(status.leaderPID)
        let nspawn = try #require(status.nspawnPID)
        #expect(HostInterfaces.exists(name.hostInterface))
        #expect(fileType(engine.paths.netns(name)) != nil)

        try engine.destroy(name)
        #expect(!HostInterfaces.exists(name.hostInterface))
        #expect(fileType(engine.paths.netns(name)) == nil)
        let mounts = readText("/proc/self/mountinfo") ?? ""
        #expect(!mounts.contains(engine.paths.root(name)) && !mounts.contains(engine.paths.netns(name)))
        #expect(!Processes.isAlive(leader) && !Processes.isAlive(nspawn))
        #expect(!hostProcessMentions(engine.paths.root(name)))
        for directory in Cgroup(name: name).directories { #expect(fileType(directory) == nil) }
        for path in [engine.paths.root(name), engine.paths.record(name), engine.paths.runtimeDirectory(name),
                     engine.paths.destroying(name), engine.paths.creating(name)] {
            #expect(fileType(path) == nil)
        }
        #expect(throws: ContainerError.unknownContainer(name.value)) { try engine.status(name) }
    }
}

/// Results collected from concurrent starts.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [ContainerEngine.StartOutcome] = []
    private(set) var failures: [String] = []
    func append(_ value: ContainerEngine.StartOutcome) { lock.withLock { values.append(value) } }
    func fail(_ message: String) { lock.withLock { failures.append(message) } }
}
