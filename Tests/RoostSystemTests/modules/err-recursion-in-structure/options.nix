{ lib, ... }: {
  options.enable = lib.mkEnableOption "the feature";
  options.extra = lib.mkOption { type = lib.types.str; default = "none"; };
}
