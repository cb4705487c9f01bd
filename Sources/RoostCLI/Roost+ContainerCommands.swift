// The commands of the container engine: create, start, stop, login, …

import ArgumentParser

extension Roost {
    static let containerCommands: [ParsableCommand.Type] = []
}
