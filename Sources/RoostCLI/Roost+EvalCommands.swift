// The commands of the Nix language: `roost eval` (Eval/EvalCommand.swift).

import ArgumentParser

extension Roost {
    static let evalCommands: [ParsableCommand.Type] = [EvalCommand.self]
}
