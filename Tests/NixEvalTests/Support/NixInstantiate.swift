// Runs the reference evaluator, nix-instantiate, as a child process with a
// timeout, so that no test can hang on it. Output goes through temporary files
// (not pipes) so a large output can never deadlock the child. The environment
// is pinned (no NIX_PATH, fixed HOME) so results do not depend on the caller's.

import Foundation

struct ProcessOutput: Sendable {
    var stdout: String
    var stderr: String
    var exitCode: Int32
    var timedOut: Bool
}

enum NixInstantiate {
    static let candidates = ["/usr/bin/nix-instantiate", "/usr/local/bin/nix-instantiate",
                             "/nix/var/nix/profiles/default/bin/nix-instantiate"]

    /// The executable, or nil when nix-instantiate is not installed.
    static let path: String? = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The message a test fails with when the reference evaluator is missing.
    static let missingMessage =
        "nix-instantiate is not installed: run `make test` (it installs the Debian package nix-bin), then rerun the differential tests"

    /// Runs `nix-instantiate --eval ARGS` in `directory`.
    static func eval(_ arguments: [String], in directory: String = LangCorpus.directory,
                     timeout: TimeInterval = 60) -> ProcessOutput {
        run(["--eval"] + arguments, in: directory, timeout: timeout)
    }

    /// Runs `nix-instantiate --parse FILE`: fails only on syntax errors.
    static func parse(_ file: String) -> ProcessOutput {
        run(["--parse", file], in: LangCorpus.directory, timeout: 60)
    }

    static func run(_ arguments: [String], in directory: String, timeout: TimeInterval) -> ProcessOutput {
        guard let path else {
            return ProcessOutput(stdout: "", stderr: missingMessage, exitCode: 127, timedOut: false)
        }
        var env = ProcessInfo.processInfo.environment
        env["NIX_PATH"] = ""
        env["HOME"] = "/homeless-shelter"
        env["TERM"] = "dumb"
        env.removeValue(forKey: "NIX_SHOW_STATS")
        // The fetcher cases point at a closed loopback port; one attempt is
        // enough to fail, where the default retries for seconds.
        env["NIX_CONFIG"] = "download-attempts = 1\nconnect-timeout = 5"
        return ChildProcess.run(path, arguments, directory: directory,
                                environment: env, timeout: timeout)
    }
}

enum ChildProcess {
    /// Runs a program to completion or until `timeout`, when it is killed.
    static func run(_ executable: String, _ arguments: [String], directory: String,
                    environment: [String: String], timeout: TimeInterval) -> ProcessOutput {
        let tmp = Scratch.directory
        let token = UUID().uuidString
        let outURL = tmp.appendingPathComponent("roost-test-\(token).out")
        let errURL = tmp.appendingPathComponent("roost-test-\(token).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        guard let outHandle = try? FileHandle(forWritingTo: outURL),
              let errHandle = try? FileHandle(forWritingTo: errURL) else {
            return ProcessOutput(stdout: "", stderr: "cannot create temporary files in \(tmp.path)",
                                 exitCode: 127, timedOut: false)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            try? outHandle.close()
            try? errHandle.close()
            return ProcessOutput(stdout: "", stderr: "cannot run \(executable): \(error)",
                                 exitCode: 127, timedOut: false)
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        try? outHandle.close()
        try? errHandle.close()
        let out = (try? Data(contentsOf: outURL)) ?? Data()
        let err = (try? Data(contentsOf: errURL)) ?? Data()
        return ProcessOutput(stdout: LangCorpus.text(out),
                             stderr: LangCorpus.text(err),
                             exitCode: process.terminationStatus, timedOut: timedOut)
    }
}

/// Where tests put short-lived files. On some disks creating or truncating a
/// file costs milliseconds (the filesystem flushes); thousands of them would
/// dominate the run, so memory-backed /dev/shm is used where it exists.
enum Scratch {
    static let directory: URL = {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDir), isDir.boolValue,
           FileManager.default.isWritableFile(atPath: "/dev/shm") {
            return URL(fileURLWithPath: "/dev/shm")
        }
        return FileManager.default.temporaryDirectory
    }()
}

/// Runs `count` independent jobs on a few threads and returns their results in order.
enum Parallel {
    static func map<T: Sendable>(_ count: Int, width: Int = max(2, ProcessInfo.processInfo.activeProcessorCount),
                                 _ body: @Sendable @escaping (Int) -> T) -> [T] {
        let box = ResultBox<T>(count: count)
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(width, max(count, 1)) {
            group.enter()
            Thread.detachNewThread {
                while let i = next.take(below: count) { box.set(i, body(i)) }
                group.leave()
            }
        }
        group.wait()
        return box.values()
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}
