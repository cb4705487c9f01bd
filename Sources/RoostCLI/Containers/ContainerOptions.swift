// What the container commands share: the NAME argument (validated into a
// ContainerName), the timeout flag, and an engine that prints its notices on
// stderr. Engine errors (ContainerError) are thrown as they are: their
// description is the one line the user sees after "Error: ".

import ArgumentParser
import Glibc
import RoostContainers

/// The container a command acts on.
struct ContainerTarget: ParsableArguments {
    @Argument(help: "The container's name (lowercase letters, digits and '-', at most 13).")
    var name: String

    /// Checked here rather than in validate(), so a bad name is one line
    /// without the usage text after it.
    func containerName() throws -> ContainerName { try ContainerName(name) }
}

/// How long to wait, for commands that wait on the container.
struct TimeoutOption: ParsableArguments {
    @Option(name: .long, help: "Seconds to wait before giving up (or, for stop, before killing).")
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout must be between 0 and 3600 seconds")
        }
    }
}

extension Roost {
    /// The engine as the commands use it: default paths, notices on stderr.
    static func engine(timeout: TimeoutOption? = nil) -> ContainerEngine {
        var engine = ContainerEngine(notice: { message in printError("roost: " + message) })
        if let seconds = timeout?.timeout {
            engine.readyTimeout = seconds
            engine.stopTimeout = seconds
        }
        return engine
    }
}

/// Writes one line to stderr.
func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}
