// `roost run NAME -- CMD…`: run a command inside a running container with
// roost's stdin, stdout and stderr, exiting with the command's status.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerRun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a command inside a container and exit with its status.",
            discussion: """
                The command runs as root in a transient service of the container's own systemd \
                (its cgroup, capabilities and environment), in /root. A program that is not \
                found inside the container fails with status 1 before anything runs.
                """)

        @OptionGroup var target: ContainerTarget

        @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.")
        var command: [String] = []

        func validate() throws {
            if command.isEmpty { throw ValidationError("give the command after --, e.g. roost run NAME -- uname -a") }
        }

        func run() throws {
            let status = try Roost.engine().run(try target.containerName(), command: command)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
