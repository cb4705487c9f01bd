# Several modules may declare the same option: submodule types combine
# their modules (other modules add sub-options to users.users.<name>), a set
# of options declared below a submodule option joins the submodule, enum
# values add up, and one module may give the description while another
# gives the default.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  r = lib.evalModules {
    modules = [
      {
        options.users.users = mkOption {
          type = types.attrsOf (types.submodule ({ name, ... }: {
            options.name = mkOption { type = types.str; default = name; };
          }));
          default = { };
        };
        options.level = mkOption { type = types.enum [ "low" "high" ]; description = "How loud."; };
      }
      {
        # Another module extends every user with ssh keys.
        options.users.users = mkOption {
          type = types.attrsOf (types.submodule {
            options.sshKeys = mkOption { type = types.listOf types.str; default = [ ]; };
          });
        };
        options.level = mkOption { type = types.enum [ "extreme" ]; default = "extreme"; };
      }
      {
        options.settings = mkOption { type = types.submodule { options.a = mkOption { type = types.int; default = 1; }; }; default = { }; };
      }
      {
        # Declared below the submodule option: becomes one of its options.
        options.settings.b = mkOption { type = types.int; default = 2; };
      }
      {
        users.users.alice.sshKeys = [ "ssh-ed25519 AAAA" ];
        users.users.bob = { };
        settings.b = 20;
      }
    ];
  };
in
{
  inherit (r.config) users level settings;
  levelType = r.options.level.type.description;
  levelDescription = r.options.level.description;
  declarations = builtins.length r.options.users.users.declarations;
}
