// The commands of the Nix language: `roost eval`.

import ArgumentParser

extension Roost {
    static let evalCommands: [ParsableCommand.Type] = []
}
