// `roost stop NAME`: a clean shutdown of the container's systemd, and a kill
// if it takes longer than the timeout.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerStop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stop",
            abstract: "Shut a container down cleanly (killing it after --timeout, default 10 s).")

        @OptionGroup var target: ContainerTarget
        @OptionGroup var timeout: TimeoutOption

        func run() throws {
            let name = try target.containerName()
            switch try Roost.engine(timeout: timeout).stop(name) {
            case .stopped: print("stopped \(name)")
            case .killedAfterTimeout: print("stopped \(name) (killed after the timeout)")
            case .notRunning: print("\(name) is not running")
            }
        }
    }
}
