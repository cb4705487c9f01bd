{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;
  cfg = config.services.openssh;
in
{
  options.services.openssh = {
    enable = lib.mkEnableOption "the OpenSSH server";
    ports = mkOption { type = types.listOf types.port; default = [ 22 ]; };
    settings = mkOption {
      default = { };
      type = types.submodule {
        freeformType = types.attrsOf (types.oneOf [ types.str types.int types.bool ]);
        options.PermitRootLogin = mkOption { type = types.enum [ "yes" "no" "prohibit-password" ]; default = "prohibit-password"; };
        options.PasswordAuthentication = mkOption { type = types.bool; default = true; };
      };
    };
  };
  config = mkIf cfg.enable {
    networking.firewall.allowedTCPPorts = cfg.ports;
    users.users.sshd = { uid = 75; isSystemUser = true; home = "/var/empty"; shell = "/usr/sbin/nologin"; group = "sshd"; };
    users.groups.sshd.gid = 75;
    environment.etc."ssh/sshd_config".text =
      lib.concatMapStrings (p: "Port ${toString p}\n") cfg.ports
      + lib.generators.toKeyValue { mkKeyValue = lib.generators.mkKeyValueDefault {
          mkValueString = v: if builtins.isBool v then (if v then "yes" else "no") else toString v;
        } " "; } cfg.settings;
    systemd.services.sshd = {
      description = "OpenSSH server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = { ExecStart = "/usr/sbin/sshd -D -f /etc/ssh/sshd_config"; Restart = "always"; };
    };
  };
}
