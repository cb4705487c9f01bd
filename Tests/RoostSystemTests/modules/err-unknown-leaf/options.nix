{ lib, ... }:
{
  options.services.web = {
    port = lib.mkOption { type = lib.types.port; default = 80; };
    root = lib.mkOption { type = lib.types.str; default = "/srv"; };
    host = lib.mkOption { type = lib.types.str; default = "localhost"; };
    enable = lib.mkEnableOption "the web server";
  };
}
