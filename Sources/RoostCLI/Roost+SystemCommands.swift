// The commands of configurations and generations: options (switch, build,
// generations, rollback and gc come with the system pipeline).

import ArgumentParser

extension Roost {
    static let systemCommands: [ParsableCommand.Type] = [OptionsCommand.self]
}
