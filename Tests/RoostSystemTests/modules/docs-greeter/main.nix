# docs/modules.md, "A first module": evaluate the configuration, read /etc.
let
  lib = import <roost/lib>;
  system = lib.evalModules { modules = [ ./configuration.nix ]; };
in
system.config.environment.etc
