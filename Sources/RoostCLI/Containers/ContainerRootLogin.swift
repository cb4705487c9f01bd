// `roost root-login NAME`: a root shell through the container's root-shell.socket.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerRootLogin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "root-login",
            abstract: "Open a root shell in a running container.",
            discussion: """
                On a terminal the shell gets a terminal of the same size (raw mode; leave with \
                `exit`). Otherwise stdin is read as shell commands: `echo uptime | roost root-login NAME`.
                """)

        @OptionGroup var target: ContainerTarget

        func run() throws {
            let status = try Roost.engine().rootLogin(try target.containerName())
            if status != 0 { throw ExitCode(status) }
        }
    }
}
