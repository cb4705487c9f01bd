{ lib, ... }:
{
  service.enable = true;
  service.port = 2022;
  firewall.allowedPorts = [ 80 (lib.mkIf false 81) (lib.mkIf true 443) ];
  users = {
    alice = "admin";
    bob = lib.mkIf false "never";
    carol = lib.mkMerge [ (lib.mkIf false "no") "yes" ];
  };
  debug = lib.mkIf false true;
}
