# OpenSSH's server, from the host's openssh-server package.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types mkIf;
  cfg = config.services.openssh;
in
{
  options.services.openssh = {
    enable = lib.mkEnableOption "the OpenSSH server";
    package = lib.mkPackageOption pkgs "openssh" { };
    ports = mkOption {
      type = types.listOf types.port;
      default = [ 22 ];
      description = "Ports sshd listens on.";
    };
    openFirewall = mkOption {
      type = types.bool;
      default = true;
      description = "Whether the ports are opened in the container's firewall.";
    };
    permitRootLogin = mkOption {
      type = types.enum [ "yes" "no" "prohibit-password" "forced-commands-only" ];
      default = "prohibit-password";
      description = "Whether root may log in, and how (PermitRootLogin).";
    };
    passwordAuthentication = mkOption {
      type = types.bool;
      default = false;
      description = "Whether passwords are accepted (PasswordAuthentication).";
    };
    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to sshd_config.";
    };
  };

  config = mkIf cfg.enable {
    users.users.sshd = {
      isSystemUser = true;
      group = "nogroup";
      description = "SSH privilege separation user";
      home = "/run/sshd";
    };

    environment.etc = {
      "ssh/sshd_config".text = ''
      ${lib.concatMapStrings (p: "Port ${toString p}\n") cfg.ports}PermitRootLogin ${cfg.permitRootLogin}
      PasswordAuthentication ${if cfg.passwordAuthentication then "yes" else "no"}
      KbdInteractiveAuthentication no
      UsePAM no
      AuthorizedKeysFile /etc/ssh/authorized_keys.d/%u .ssh/authorized_keys
      Subsystem sftp ${cfg.package}/lib/openssh/sftp-server
    '' + cfg.extraConfig;
    } // lib.mapAttrs' (n: u: lib.nameValuePair "ssh/authorized_keys.d/${u.name}" {
      text = lib.concatStringsSep "\n" u.openssh.authorizedKeys.keys + "\n";
      mode = "0444";
    }) (lib.filterAttrs (n: u: u.openssh.authorizedKeys.keys != [ ]) config.users.users);

    systemd.services.sshd = {
      description = "OpenSSH server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      preStart = ''
        mkdir -p /run/sshd /etc/ssh
        for t in ed25519 rsa; do
          [ -f /etc/ssh/ssh_host_''${t}_key ] || ${cfg.package}/bin/ssh-keygen -q -t $t -N "" -f /etc/ssh/ssh_host_''${t}_key
        done
      '';
      serviceConfig = {
        ExecStart = "${cfg.package}/sbin/sshd -D -f /etc/ssh/sshd_config";
        KillMode = "process";
        Restart = "always";
      };
    };

    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall cfg.ports;
  };
}
