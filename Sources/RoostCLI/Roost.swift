// The root command. Each area of roost contributes its commands as a group
// (`Roost.evalCommands`, `Roost.containerCommands`, `Roost.systemCommands`),
// each defined beside its commands. `Roost.main` turns known failures into one
// actionable line before exiting.

import ArgumentParser

public struct Roost: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "roost",
        abstract: "NixOS-style system containers for any Linux host.",
        discussion: "Containers are described in the Nix language, built into immutable generations and switched live.",
        subcommands: evalCommands + containerCommands + systemCommands
    )

    public init() {}
}
