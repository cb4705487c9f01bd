{ lib, ... }:
{
  options.services.openssh.enable = lib.mkEnableOption "OpenSSH";
  options.services.openssh.ports = lib.mkOption { type = lib.types.listOf lib.types.port; default = [ 22 ]; };
  options.services.nginx.enable = lib.mkEnableOption "nginx";
}
