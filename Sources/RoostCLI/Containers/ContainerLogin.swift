// `roost login NAME`: a login prompt through the container's login.socket.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerLogin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login",
            abstract: "Log in to a running container with a user name and password.",
            discussion: "The prompt runs on a terminal of your window's size; users need a hashedPassword in the manifest.")

        @OptionGroup var target: ContainerTarget

        func run() throws {
            let status = try Roost.engine().login(try target.containerName())
            if status != 0 { throw ExitCode(status) }
        }
    }
}
