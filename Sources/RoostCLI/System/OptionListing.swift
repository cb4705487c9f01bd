// Loading and printing the option listing of `roost options`. Rendering is
// pure (options in, text out) so tests compare exact text.

import ArgumentParser
import Foundation
import NixEval
import RoostSystem

/// One option as `roost options` shows it.
struct OptionDoc: Equatable, Codable {
    var name: String
    var type: String
    var description: String?
    /// Nix text of the default (or its defaultText), nil when there is none.
    var `default`: String?
    var example: String?
    /// Declaring files; roost's own modules are shown as `<roost/…>`.
    var declarations: [String]
    var readOnly: Bool
}

enum OptionListing {
    /// The Nix program that lists the options; `configFile` is passed with --argstr.
    static let program = """
        { configFile ? "" }:
        let
          lib = import <roost/lib>;
          userModules = if configFile == "" then [ ] else [ (/. + configFile) ];
          container = import <roost/eval-config.nix> { modules = userModules; };
          host = import <roost/eval-config.nix> { host = true; };
          text = v: if builtins.isAttrs v && v ? text then v.text else null;
          entry = d: {
            inherit (d) name type readOnly;
            description = d.description or null;
            declarations = map toString d.declarations;
            default = if d ? default then text d.default else null;
            example = if d ? example then text d.example else null;
          };
          visible = d: d.visible && !d.internal;
        in
        map entry (builtins.filter visible
          (lib.optionAttrSetToDocList container.options ++ lib.optionAttrSetToDocList host.options))
        """

    /// `storeDir` overrides ROOST_STORE_DIR (tests use it).
    static func load(configFile: String?, showTrace: Bool, storeDir: String? = nil) throws -> [OptionDoc] {
        let env = ProcessInfo.processInfo.environment
        var options = EvalOptions()
        if let store = env["ROOST_STORE_DIR"], !store.isEmpty { options.storeDir = store }
        if let storeDir { options.storeDir = storeDir }
        options.showTrace = showTrace
        let bundledDir: String
        do {
            bundledDir = try BundledNix.directory(storeDir: options.storeDir)
        } catch {
            throw ValidationError("\(error)")
        }
        options.searchPath = ["roost=" + bundledDir]
        var request = EvalRequest(source: .expression(program, baseDirectory: FileManager.default.currentDirectoryPath))
        request.strict = true
        request.json = true
        request.options = options
        // Always passed: a top-level function is only called when given arguments.
        request.arguments = [("configFile", .string(""))]
        if let configFile {
            let absolute = configFile.hasPrefix("/") ? configFile : FileManager.default.currentDirectoryPath + "/" + configFile
            guard FileManager.default.fileExists(atPath: absolute) else {
                throw ValidationError("configuration file '\(configFile)' does not exist; give the path of a Nix module.")
            }
            request.arguments = [("configFile", .string(absolute))]
        }
        let result = Instantiate.run(request)
        guard result.exitCode == 0 else {
            FileHandle.standardError.write(Data(result.stderr.utf8))
            throw ExitCode(result.exitCode)
        }
        let decoded = try JSONDecoder().decode([OptionDoc].self, from: Data(result.stdout.utf8))
        // An alias (users.extraUsers) is listed once, pointing at its target,
        // not with a copy of every sub-option of the target.
        let aliases = decoded.filter { $0.description?.hasPrefix("Alias of") == true }.map { $0.name + "." }
        var seen = Set<String>()
        return decoded.compactMap { doc in
            guard !aliases.contains(where: { doc.name.hasPrefix($0) }) else { return nil }
            guard seen.insert(doc.name).inserted else { return nil }
            var d = doc
            d.declarations = d.declarations.map { shorten($0, bundledDir: bundledDir) }
            return d
        }.sorted { $0.name < $1.name }
    }

    /// `<store>/<hash>-roost-nix/modules/x.nix` -> `<roost/modules/x.nix>`.
    static func shorten(_ file: String, bundledDir: String) -> String {
        file.hasPrefix(bundledDir + "/") ? "<roost/" + file.dropFirst(bundledDir.count + 1) + ">" : file
    }

    /// The options named `prefix` or under it; every option without a prefix.
    static func select(_ options: [OptionDoc], prefix: String?) throws -> [OptionDoc] {
        guard let prefix, !prefix.isEmpty else { return options }
        let matches = options.filter { $0.name == prefix || $0.name.hasPrefix(prefix + ".") }
        if matches.isEmpty {
            let near = options.map(\.name).filter { $0.lowercased().contains(prefix.lowercased()) }.prefix(5)
            let hint = near.isEmpty ? "run `roost options` to list every option" : "did you mean \(near.joined(separator: ", "))?"
            throw ValidationError("no option is named '\(prefix)' or starts with '\(prefix).'; \(hint)")
        }
        return matches
    }

    static func renderText(_ options: [OptionDoc]) -> String {
        var out = ""
        for (i, o) in options.enumerated() {
            if i > 0 { out += "\n" }
            out += o.name + "\n"
            out += field("type", o.type + (o.readOnly ? " (read-only)" : ""))
            if let d = o.default { out += field("default", d) }
            if let e = o.example { out += field("example", e) }
            if let d = o.description, !d.isEmpty { out += field("description", d) }
            if !o.declarations.isEmpty { out += field("declared in", o.declarations.joined(separator: ", ")) }
        }
        return out
    }

    /// A labelled field; continuation lines of a multi-line value line up under it.
    private static func field(_ label: String, _ value: String) -> String {
        let head = "  " + (label + ":").padding(toLength: 13, withPad: " ", startingAt: 0)
        let indent = String(repeating: " ", count: head.count)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        return head + lines.joined(separator: "\n" + indent) + "\n"
    }

    static func renderJSON(_ options: [OptionDoc]) throws -> String {
        var object: [String: OptionDoc] = [:]
        for o in options { object[o.name] = o }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(object), as: UTF8.self) + "\n"
    }
}
