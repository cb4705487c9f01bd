// Build-tool plugin: embeds the Nix code under nix/ into the target that uses
// it, so an installed roost finds `<roost>` without a source tree beside it.
// It does not interpret the files; EmbedNixTool only encodes them.

import Foundation
import PackagePlugin

@main
struct EmbedNix: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let nixDir = context.package.directoryURL.appending(path: "nix")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledNixFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: nixDir, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding nix/ (\(inputs.count) files)",
                executable: try context.tool(named: "EmbedNixTool").url,
                arguments: [nixDir.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
