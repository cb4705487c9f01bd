{ lib, ... }:
let inherit (lib) mkOption types; in
{
  options.users.users = mkOption {
    default = { };
    type = types.attrsOf (types.submodule ({ name, ... }: {
      options.name = mkOption { type = types.str; default = name; };
      options.uid = mkOption { type = types.nullOr types.int; default = null; };
      options.extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
    }));
  };
  options.users.groups = mkOption {
    default = { };
    type = types.attrsOf (types.submodule ({ name, ... }: {
      options.gid = mkOption { type = types.nullOr types.int; default = null; };
    }));
  };
  options.containers = mkOption {
    default = { };
    type = types.attrsOf (types.submodule {
      options.autoStart = mkOption { type = types.bool; default = false; };
      options.localAddress = mkOption { type = types.nullOr types.str; default = null; };
    });
  };
}
