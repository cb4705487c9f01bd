// `roost list`: every container roost knows, with its state and address.

import ArgumentParser
import RoostContainers

extension Roost {
    struct ContainerList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the containers, their state and address.")

        @Flag(help: "Print the list as JSON (an array of the objects `status --json` prints).")
        var json = false

        func run() throws {
            let statuses = try Roost.engine().list()
            if json {
                print(try ContainerStatusFormat.json(statuses))
            } else if statuses.isEmpty {
                print("no containers; make one with `roost create NAME`")
            } else {
                print(ContainerStatusFormat.table(statuses), terminator: "")
            }
        }
    }
}
