{ lib, ... }:
let inherit (lib) mkOption mkEnableOption types; in
{
  options = {
    service.enable = mkEnableOption "the example service";
    service.port = mkOption { type = types.port; default = 8080; };
    firewall.allowedPorts = mkOption { type = types.listOf types.port; default = [ ]; };
    users = mkOption { type = types.attrsOf types.str; default = { }; };
    motd = mkOption { type = types.lines; default = ""; };
    debug = mkOption { type = types.bool; default = false; };
  };
}
