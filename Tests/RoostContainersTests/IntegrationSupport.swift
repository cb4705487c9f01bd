// Helpers for the tests that boot real containers: a container made for one
// test and destroyed afterwards even if the test fails, and small socket
// clients (TCP to a container's address, reading a stream until a marker).

import Foundation
import Glibc
import Testing
@testable import RoostContainers

/// Creates (and by default starts) a container with a fresh rt-XXXXXX name
/// under the real /var/lib/containers, runs `body`, then destroys it.
func withContainer(privateNetwork: Bool = true, manifest: Manifest = Manifest.defaultSystem(), start: Bool = true,
                   _ body: (ContainerEngine, ContainerName) throws -> Void) throws {
    let engine = ContainerEngine()
    let name = try uniqueName("rt")
    defer {
        do { try engine.destroy(name) } catch ContainerError.unknownContainer {} catch {
            Issue.record("cleaning up \(name) failed: \(error)")
        }
    }
    try engine.create(name, manifest: manifest, network: .init(privateNetwork: privateNetwork))
    if start { try engine.start(name) }
    try body(engine, name)
}

extension ContainerEngine {
    /// Runs a shell command inside the container and returns its stdout; fails on a non-zero status.
    func shell(_ name: ContainerName, _ script: String) throws -> String {
        let result = try capture(name, command: ["/bin/sh", "-c", script])
        guard result.status == 0 else {
            throw ContainerError.commandFailed(command: script, status: result.status, output: result.stderr)
        }
        return result.stdout
    }
}

/// Reads from `fd` until `marker` has been seen (or EOF, or `timeout`), returning what came.
func readUntil(_ fd: Int32, _ marker: String?, timeout: Double = 20) -> String {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    let deadline = Clock.now() + timeout
    while Clock.now() < deadline {
        if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 200) >= 0 else { break }
        if poller.revents == 0 { continue }
        let count = read(fd, &buffer, buffer.count)
        if count <= 0 { break }
        received += buffer[0..<count]
    }
    return String(decoding: received, as: UTF8.self)
}

func send(_ fd: Int32, _ text: String) {
    _ = RootDirectory.writeAll(fd, Array(text.utf8))
}

/// Connects to a TCP port, retrying until `timeout` while nothing listens yet.
func connectTCP(_ address: IPv4Address, port: UInt16, timeout: Double = 20) -> Int32? {
    let deadline = Clock.now() + timeout
    while Clock.now() < deadline {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        target.sin_addr.s_addr = address.value.bigEndian
        let result = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result == 0 { return fd }
        close(fd)
        Clock.sleep(milliseconds: 100)
    }
    return nil
}

/// Whether any process on the host has `text` in its command line.
func hostProcessMentions(_ text: String) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
    return entries.compactMap { Int32($0) }.contains { pid in
        Processes.isAlive(pid) && Processes.commandLine(pid).contains { $0.contains(text) }
    }
}
