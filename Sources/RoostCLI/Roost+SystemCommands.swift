// The commands of configurations and generations: options, switch, build, …

import ArgumentParser

extension Roost {
    static let systemCommands: [ParsableCommand.Type] = []
}
