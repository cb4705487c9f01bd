{ lib, pkgs, ... }:
let inherit (lib) mkOption types; in
{
  options = {
    port = mkOption {
      type = types.port;
      default = 80;
      description = "The port to listen on.";
    };
    name = mkOption { type = types.str; };
    upper = mkOption { type = types.str; default = "quiet"; apply = lib.toUpper; };
    enable = lib.mkEnableOption "the web server";
    package = lib.mkPackageOption pkgs "nginx" { };
    nullablePackage = lib.mkPackageOption pkgs "openssh" { nullable = true; default = null; };
  };
}
