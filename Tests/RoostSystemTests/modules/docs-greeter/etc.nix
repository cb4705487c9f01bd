# Files under /etc, each with text and a mode.
{ lib, ... }:
{
  options.environment.etc = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
      options.text = lib.mkOption { type = lib.types.lines; };
      options.mode = lib.mkOption { type = lib.types.str; default = "0644"; };
      options.target = lib.mkOption { type = lib.types.str; default = name; };
    }));
    default = { };
    description = "Files to create under /etc.";
  };
}
