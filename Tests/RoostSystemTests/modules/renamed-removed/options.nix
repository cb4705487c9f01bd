{ lib, ... }:
let inherit (lib) mkOption types; in
{
  imports = [
    (lib.mkRenamedOptionModule [ "networking" "hostname" ] [ "networking" "hostName" ])
    (lib.mkRenamedOptionModule [ "services" "sshd" "enable" ] [ "services" "openssh" "enable" ])
    (lib.mkRemovedOptionModule [ "services" "telnet" "enable" ] "Telnet is gone; use services.openssh.")
    (lib.mkChangedOptionModule [ "services" "openssh" "permitRootLogin" ] [ "services" "openssh" "rootLogin" ]
      (config: if config.services.openssh.permitRootLogin then "yes" else "no"))
    (lib.mkMergedOptionModule [ [ "networking" "domainPart" ] [ "networking" "hostPart" ] ] [ "networking" "fqdn" ]
      (config: "${config.networking.hostPart}.${config.networking.domainPart}"))
  ];
  options.networking.hostName = mkOption { type = types.str; default = "roost"; };
  options.networking.fqdn = mkOption { type = types.nullOr types.str; default = null; };
  options.services.openssh.enable = mkOption { type = types.bool; default = false; };
  options.services.openssh.rootLogin = mkOption { type = types.enum [ "yes" "no" ]; default = "no"; };
}
