{ lib, ... }:
{
  options.web.enable = lib.mkOption { type = lib.types.bool; default = false; description = "replacement web module"; };
  options.web.port = lib.mkOption { type = lib.types.port; default = 8080; };
}
