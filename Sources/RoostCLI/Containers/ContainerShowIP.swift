// `roost show-ip NAME`: the container's own address (private network only).

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerShowIP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-ip",
            abstract: "Print the container's address on its private network.")

        @OptionGroup var target: ContainerTarget

        func run() throws {
            print(try Roost.engine().localAddress(try target.containerName()))
        }
    }
}
