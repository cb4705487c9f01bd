// `roost start NAME`: boot a container and return once its systemd is ready.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerStart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start a container and wait until its systemd reports ready.")

        @OptionGroup var target: ContainerTarget
        @OptionGroup var timeout: TimeoutOption

        func run() throws {
            let name = try target.containerName()
            switch try Roost.engine(timeout: timeout).start(name) {
            case .started: print("started \(name)")
            case .alreadyRunning: print("\(name) is already running")
            }
        }
    }
}
