// `roost options`: every option of roost's bundled modules (and of a given
// configuration's own modules), with type, default, example, description and
// the file that declares it. The listing itself is computed in Nix by the
// module system (lib.optionAttrSetToDocList); this file runs it and prints it.

import ArgumentParser
import Foundation
import NixEval
import RoostSystem

extension Roost {
    struct OptionsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "options",
            abstract: "List configuration options: type, default, example, description, where declared.",
            discussion: """
                Lists the options of a container configuration (services.openssh.enable, users.users.<name>.uid, …) \
                and of the host's declarative containers (containers.<name>.privateNetwork, …). \
                PATH narrows the list to an option or a prefix of options. With --config FILE, \
                the options declared by that configuration's own modules are listed too.
                """)

        @Argument(help: ArgumentHelp("Show only this option or the options under this prefix.", valueName: "path"))
        var path: String?

        @Option(name: .customLong("config"), help: ArgumentHelp("A container configuration whose own options are listed too.", valueName: "file"))
        var configFile: String?

        @Flag(help: "Print an object keyed by option name, for tools.")
        var json = false

        @Flag(name: .customLong("show-trace"), help: "Show every frame of an evaluation error's trace.")
        var showTrace = false

        func run() throws {
            let options = try OptionListing.load(configFile: configFile, showTrace: showTrace)
            let selected = try OptionListing.select(options, prefix: path)
            let text = json ? try OptionListing.renderJSON(selected) : OptionListing.renderText(selected)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
