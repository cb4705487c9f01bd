# Modules add assertions and warnings; the caller collects them (here the
# failed assertions' messages and every warning), mkIf included.
let
  lib = import <roost/lib>;
  r = lib.evalModules {
    modules = [
      ({ config, lib, ... }: {
        options.port = lib.mkOption { type = lib.types.port; default = 22; };
        options.legacy = lib.mkOption { type = lib.types.bool; default = false; };
        config.assertions = [
          { assertion = config.port != 22; message = "port 22 is taken by OpenSSH"; }
          { assertion = true; message = "never reported"; }
        ];
        config.warnings = lib.mkIf config.legacy [ "legacy mode is deprecated" ];
      })
      { legacy = true; }
      { warnings = [ "a second warning" ]; }
    ];
  };
in
{
  failed = map (a: a.message) (builtins.filter (a: !a.assertion) r.config.assertions);
  inherit (r.config) warnings;
}
