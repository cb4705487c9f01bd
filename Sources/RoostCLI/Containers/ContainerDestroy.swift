// `roost destroy NAME`: stop a container and remove everything of it.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerDestroy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "destroy",
            abstract: "Stop a container and delete its root, network, cgroups and state.")

        @OptionGroup var target: ContainerTarget
        @OptionGroup var timeout: TimeoutOption

        func run() throws {
            let name = try target.containerName()
            try Roost.engine(timeout: timeout).destroy(name)
            print("destroyed \(name)")
        }
    }
}
