// Helpers for the engine's tests: scratch directories, unique container
// names, and whether this host can boot containers (root + systemd-nspawn).

import Foundation
import Glibc
@testable import RoostContainers

enum TestHost {
    static var isRoot: Bool { geteuid() == 0 }
    static var hasNspawn: Bool { (try? HostProgram.systemdNspawn.locate()) != nil }
    /// Booting needs root and systemd-nspawn; CI has both, so these tests run there.
    static var canBoot: Bool { isRoot && hasNspawn }
    static var hasOpenSSH: Bool { access("/usr/sbin/sshd", X_OK) == 0 && access("/usr/bin/ssh", X_OK) == 0 }
}

/// A directory under /tmp removed when the test is done with it.
final class ScratchDirectory {
    let path: String

    init() {
        var template = Array("/tmp/roost-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp/roost-test-failed" }
            return String(cString: made)
        }
    }

    deinit {
        _ = try? Runner.run(Invocation("/bin/rm", ["-rf", "--one-file-system", "--", path]))
    }

    /// Engine paths entirely inside this directory.
    var paths: ContainerPaths {
        ContainerPaths(containers: path + "/containers", records: path + "/records", runtime: path + "/run",
                       store: path + "/store")
    }
}

/// A fresh container name with the given prefix, e.g. rt-3fa9c1.
func uniqueName(_ prefix: String) throws -> ContainerName {
    let suffix = String(UInt32.random(in: 0...0xff_ffff), radix: 16)
    let name = prefix + "-" + String(repeating: "0", count: 6 - suffix.count) + suffix
    return try ContainerName(name)
}

func fileType(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}
