// Writing a container's root without following symlinks: a container's root
// user may have replaced any path by a link to the host, and roost must then
// refuse (or replace the link) rather than write through it.

import Glibc
import Testing
@testable import RoostContainers

@Suite struct RootDirectoryTests {
    @Test("entries are written with their modes, and files replace what was there",
          .enabled(if: TestHost.isRoot, "chown to root needs root"))
    func writes() throws {
        let scratch = ScratchDirectory()
        let root = try RootDirectory(path: scratch.path)
        try root.write([
            .directory("tmp", mode: 0o1777),
            .file("etc/motd", "one\n", mode: 0o600),
            .symlink("bin", to: "usr/bin"),
        ])
        try root.write([.file("etc/motd", "two\n", mode: 0o644)])
        #expect(fileMode(scratch.path + "/tmp") == 0o1777)
        #expect(readText(scratch.path + "/etc/motd") == "two\n")
        #expect(fileMode(scratch.path + "/etc/motd") == 0o644)
        #expect(fileType(scratch.path + "/bin") == S_IFLNK)
        #expect(try root.readFile("etc/motd") == "two\n")
    }

    @Test("a directory replaced by a symlink is refused, and nothing is written where it points")
    func refusesSymlinkedDirectory() throws {
        let scratch = ScratchDirectory()
        let outside = ScratchDirectory()
        #expect(symlink(outside.path, scratch.path + "/etc") == 0)
        let root = try RootDirectory(path: scratch.path)
        let error = #expect(throws: ContainerError.self) { try root.write([.file("etc/passwd", "evil\n")]) }
        #expect(error == .syscall("open", path: scratch.path + "/etc", errno: ELOOP) ||
                error == .syscall("open", path: scratch.path + "/etc", errno: ENOTDIR))
        #expect(fileType(outside.path + "/passwd") == nil)
        #expect(throws: ContainerError.self) { try root.readFile("etc/passwd") }
        #expect(throws: ContainerError.self) { try root.openPath("etc/passwd") }
    }

    @Test("a file replaced by a symlink is replaced again, never written through",
          .enabled(if: TestHost.isRoot, "chown to root needs root"))
    func replacesSymlinkedFile() throws {
        let scratch = ScratchDirectory()
        let outside = ScratchDirectory()
        #expect(mkdir(scratch.path + "/etc", 0o755) == 0)
        #expect(symlink(outside.path + "/target", scratch.path + "/etc/hostname") == 0)
        let root = try RootDirectory(path: scratch.path)
        #expect(throws: ContainerError.self) { try root.readFile("etc/hostname") }
        try root.write([.file("etc/hostname", "web\n", mode: 0o644, gid: getegid())])
        #expect(fileType(scratch.path + "/etc/hostname") == S_IFREG)
        #expect(fileType(outside.path + "/target") == nil)
    }
}

@Suite struct HostLimitsTests {
    @Test("a low inotify instance limit is raised, a high one is left alone")
    func inotify() throws {
        let scratch = ScratchDirectory()
        let path = scratch.path + "/max_user_instances"
        try FileWrite.atomically(path: path, bytes: Array("128\n".utf8), mode: 0o644)
        #expect(HostLimits.raiseInotifyInstances(path: path) == 128)
        #expect(readText(path) == "8192\n")
        #expect(HostLimits.raiseInotifyInstances(path: path) == nil)
        try FileWrite.atomically(path: path, bytes: Array("100000\n".utf8), mode: 0o644)
        #expect(HostLimits.raiseInotifyInstances(path: path) == nil)
        #expect(readText(path) == "100000\n")
    }
}
