{ lib, ... }:
{
  options.users.users = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule {
      options.uid = lib.mkOption { type = lib.types.nullOr lib.types.int; default = null; };
    });
  };
}
