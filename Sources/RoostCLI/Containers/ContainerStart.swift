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

        @Flag(help: "Run systemd-nspawn in roost's place and let the service manager wait for it (roost-container@.service).")
        var foreground = false

        func validate() throws {
            if foreground && timeout.timeout != nil {
                throw ValidationError("--timeout does not apply to --foreground: the service manager's TimeoutStartSec= does")
            }
        }

        func run() throws {
            let name = try target.containerName()
            if foreground {
                try Runner.exec(try Roost.engine().prepareForeground(name))
            }
            switch try Roost.engine(timeout: timeout).start(name) {
            case .started: print("started \(name)")
            case .alreadyRunning: print("\(name) is already running")
            }
        }
    }
}
