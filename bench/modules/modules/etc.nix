# Files under /etc.
{ config, lib, ... }:
let inherit (lib) mkOption types; in
{
  options.environment.etc = mkOption {
    default = { };
    type = types.attrsOf (types.submodule ({ name, ... }: {
      options = {
        target = mkOption { type = types.str; default = name; };
        text = mkOption { type = types.lines; };
        mode = mkOption { type = types.strMatching "[0-7]{4}|symlink"; default = "symlink"; };
        user = mkOption { type = types.str; default = "root"; };
        group = mkOption { type = types.str; default = "root"; };
      };
    }));
  };
}
