// `roost restart NAME`: stop (if running) and start again, under one lock.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerRestart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restart",
            abstract: "Stop a container and start it again.")

        @OptionGroup var target: ContainerTarget
        @OptionGroup var timeout: TimeoutOption

        func run() throws {
            let name = try target.containerName()
            try Roost.engine(timeout: timeout).restart(name)
            print("restarted \(name)")
        }
    }
}
