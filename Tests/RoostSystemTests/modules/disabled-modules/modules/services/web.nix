{ lib, ... }:
{
  imports = [ ./web-extras.nix ];
  options.web.enable = lib.mkOption { type = lib.types.bool; default = false; description = "old web module"; };
}
