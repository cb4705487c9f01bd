// `roost terminate NAME`: kill a container at once, without a shutdown.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerTerminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terminate",
            abstract: "Kill a container immediately.")

        @OptionGroup var target: ContainerTarget

        func run() throws {
            let name = try target.containerName()
            switch try Roost.engine().terminate(name) {
            case .notRunning: print("\(name) is not running")
            default: print("terminated \(name)")
            }
        }
    }
}
