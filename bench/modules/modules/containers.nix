# Benchmark option module: the host's `containers.<name>`, each with its own
# system evaluated from the system modules and its `config` (as Roost does).
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  systemModules = import ./system.nix;
in
{
  imports = [ (lib.mkAliasOptionModule [ "systemd" "containers" ] [ "containers" ]) ];

  options.containers = mkOption {
    default = { };
    description = "System containers, each a whole system of its own.";
    type = types.attrsOf (types.submodule ({ name, config, ... }: {
      options = {
        autoStart = mkOption { type = types.bool; default = false; };
        privateNetwork = mkOption { type = types.bool; default = false; };
        hostAddress = mkOption { type = types.nullOr types.str; default = null; };
        localAddress = mkOption { type = types.nullOr types.str; default = null; };
        config = mkOption { type = types.deferredModule; default = { }; };
        system = mkOption { type = types.raw; readOnly = true; description = "The evaluated system."; };
      };
      config.system = lib.evalModules {
        specialArgs = { containerName = name; };
        modules = systemModules ++ [ config.config ];
      };
    }));
  };
}
