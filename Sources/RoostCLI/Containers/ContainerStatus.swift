// `roost status NAME`: state, network and processes of one container.

import ArgumentParser
import Foundation
import RoostContainers

extension Roost {
    struct ContainerStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show whether a container runs, its network and its PID 1.")

        @OptionGroup var target: ContainerTarget

        @Flag(help: "Print the status as JSON.")
        var json = false

        func run() throws {
            let status = try Roost.engine().status(try target.containerName())
            if json {
                print(try ContainerStatusFormat.json(status))
            } else {
                print(ContainerStatusFormat.text(status), terminator: "")
            }
        }
    }
}

/// How statuses are printed by `status` and `list`.
enum ContainerStatusFormat {
    static func text(_ status: RoostContainers.ContainerStatus) -> String {
        var lines = [
            ("name", status.name.value),
            ("state", status.state.rawValue),
            ("network", network(status)),
        ]
        if let leader = status.leaderPID { lines.append(("pid 1 on host", String(leader))) }
        lines.append(("root", status.root))
        return lines.map { label, value in
            (label + ":").padding(toLength: 15, withPad: " ", startingAt: 0) + value + "\n"
        }.joined()
    }

    static func network(_ status: RoostContainers.ContainerStatus) -> String {
        guard status.privateNetwork, let host = status.hostAddress, let local = status.localAddress,
              let interface = status.hostInterface else { return "the host's" }
        return "private: host \(host) on \(interface), container \(local) on eth0"
    }

    static func table(_ statuses: [RoostContainers.ContainerStatus]) -> String {
        let rows = [["NAME", "STATE", "ADDRESS"]] + statuses.map {
            [$0.name.value, $0.state.rawValue, $0.privateNetwork ? ($0.localAddress?.description ?? "-") : "host network"]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }.joined() + "\n"
        }.joined()
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
