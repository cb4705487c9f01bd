# Host name and firewall.
{ config, lib, containerName, ... }:
let inherit (lib) mkOption types; cfg = config.networking; in
{
  options.networking = {
    hostName = mkOption { type = types.str; default = containerName; };
    domain = mkOption { type = types.nullOr types.str; default = null; };
    firewall.enable = mkOption { type = types.bool; default = true; };
    firewall.allowedTCPPorts = mkOption { type = types.listOf types.port; default = [ ]; };
  };
  config.environment.etc.hostname.text = cfg.hostName;
  config.environment.etc.hosts.text = ''
    127.0.0.1 localhost
    127.0.1.1 ${cfg.hostName}${lib.optionalString (cfg.domain != null) " ${cfg.hostName}.${cfg.domain}"}
  '';
  config.environment.etc."nftables.conf".text = lib.optionalString cfg.firewall.enable ''
    table inet filter {
      chain input {
        type filter hook input priority 0; policy drop;
        tcp dport { ${lib.concatMapStringsSep ", " toString (lib.unique cfg.firewall.allowedTCPPorts)} } accept
      }
    }
  '';
}
