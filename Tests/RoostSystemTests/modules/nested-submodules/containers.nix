{ lib, config, ... }:
let
  inherit (lib) mkOption types;
  key = types.submodule ({ name, ... }: {
    options.type = mkOption { type = types.enum [ "ed25519" "rsa" ]; default = "ed25519"; };
    options.comment = mkOption { type = types.str; default = "key ${name}"; };
  });
  user = types.submodule ({ name, config, ... }: {
    options = {
      name = mkOption { type = types.str; default = name; };
      uid = mkOption { type = types.nullOr types.int; default = null; };
      home = mkOption { type = types.str; default = "/home/${config.name}"; };
      groups = mkOption { type = types.listOf types.str; default = [ ]; };
      keys = mkOption { type = types.attrsOf key; default = { }; };
    };
  });
  container = types.submodule ({ name, config, ... }: {
    options = {
      hostName = mkOption { type = types.str; default = name; };
      users = mkOption { type = types.attrsOf user; default = { }; };
      userNames = mkOption { type = types.listOf types.str; readOnly = true; };
    };
    config.userNames = builtins.attrNames config.users;
    config.users.root.uid = 0;
  });
in
{
  options.containers = mkOption { type = types.attrsOf container; default = { }; };
}
