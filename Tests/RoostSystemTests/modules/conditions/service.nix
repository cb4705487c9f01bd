# Depends on service.enable (set in user.nix) through mkIf only.
{ config, lib, ... }:
let cfg = config.service; in
{
  config = lib.mkIf cfg.enable (lib.mkMerge [
    {
      firewall.allowedPorts = [ cfg.port ];
      users.service = "runs the service";
    }
    (lib.mkIf config.debug { motd = "debugging is on"; })
    (lib.mkIf (!config.debug) { motd = "debugging is off"; users.nobody = "unused"; })
  ]);
}
