import Foundation
import Testing
@testable import RoostCLI

@Suite struct OptionsCommandTests {
    static let sample = [
        OptionDoc(name: "services.openssh.enable", type: "boolean", description: "Whether to enable the OpenSSH server.",
                  default: "false", example: "true", declarations: ["<roost/modules/services/openssh.nix>"], readOnly: false),
        OptionDoc(name: "services.openssh.ports", type: "list of 16 bit unsigned integer", description: "Ports sshd listens on.",
                  default: "[\n  22\n]", example: nil, declarations: ["<roost/modules/services/openssh.nix>"], readOnly: false),
        OptionDoc(name: "services.opensshd", type: "boolean", description: nil, default: nil, example: nil, declarations: [], readOnly: true),
    ]

    @Test("text output lists each option's fields, aligning continuation lines")
    func rendersText() {
        let text = OptionListing.renderText(Array(Self.sample.prefix(2)))
        #expect(text == """
            services.openssh.enable
              type:        boolean
              default:     false
              example:     true
              description: Whether to enable the OpenSSH server.
              declared in: <roost/modules/services/openssh.nix>

            services.openssh.ports
              type:        list of 16 bit unsigned integer
              default:     [
                             22
                           ]
              description: Ports sshd listens on.
              declared in: <roost/modules/services/openssh.nix>

            """)
    }

    @Test("a path selects the option itself and the options under it, not siblings sharing a prefix")
    func selectsByPrefix() throws {
        let picked = try OptionListing.select(Self.sample, prefix: "services.openssh")
        #expect(picked.map(\.name) == ["services.openssh.enable", "services.openssh.ports"])
        let one = try OptionListing.select(Self.sample, prefix: "services.openssh.ports")
        #expect(one.map(\.name) == ["services.openssh.ports"])
    }

    @Test("an unknown path is a one-line error that suggests near names")
    func unknownPrefix() {
        #expect(throws: (any Error).self) { try OptionListing.select(Self.sample, prefix: "services.ssh") }
        do {
            _ = try OptionListing.select(Self.sample, prefix: "openssh")
        } catch {
            let message = "\(error)"
            #expect(message.contains("did you mean services.openssh.enable"))
            #expect(!message.contains("\n"))
        }
    }

    @Test("declarations in roost's bundled tree are shown as <roost/…>")
    func shortensBundledPaths() {
        #expect(OptionListing.shorten("/s/abc-roost-nix/modules/x.nix", bundledDir: "/s/abc-roost-nix") == "<roost/modules/x.nix>")
        #expect(OptionListing.shorten("/etc/roost/configuration.nix", bundledDir: "/s/abc-roost-nix") == "/etc/roost/configuration.nix")
    }

    @Test("the bundled modules' options are listed with types, defaults and declaring files")
    func listsBundledOptions() throws {
        let store = NSTemporaryDirectory() + "roost-options-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: store) }
        let all = try OptionListing.load(configFile: nil, showTrace: false, storeDir: store)
        let ports = try #require(all.first { $0.name == "services.openssh.ports" })
        #expect(ports.type == "list of 16 bit unsigned integer")
        #expect(ports.default?.contains("22") == true)
        #expect(ports.declarations == ["<roost/modules/services/openssh.nix>"])
        #expect(all.contains { $0.name == "containers.<name>.privateNetwork" })
        let uid = try #require(all.first { $0.name == "users.users.<name>.uid" })
        #expect(uid.declarations == ["<roost/modules/config/users.nix>"], "a submodule's options name the file declaring it")
        #expect(all.contains { $0.name == "users.extraUsers" }, "the alias is listed")
        #expect(!all.contains { $0.name.hasPrefix("users.extraUsers.") }, "but not a copy of its target's sub-options")
        #expect(!all.contains { $0.name.hasPrefix("_module") }, "internal options are hidden")
    }

    @Test("a configuration's own option declarations are listed too, with its file")
    func listsConfigurationOptions() throws {
        let dir = NSTemporaryDirectory() + "roost-options-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/configuration.nix"
        try """
            { lib, ... }: {
              options.services.greeter.message = lib.mkOption {
                type = lib.types.str;
                default = "hello";
                description = "What the greeter says.";
              };
            }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let all = try OptionListing.load(configFile: file, showTrace: false, storeDir: dir + "/store")
        let opt = try #require(all.first { $0.name == "services.greeter.message" })
        #expect(opt.type == "string")
        #expect(opt.default == "\"hello\"")
        #expect(opt.declarations == [file])
    }
}
