{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;
  cfg = config.services.nginx;
  vhost = types.submodule ({ name, ... }: {
    options = {
      serverName = mkOption { type = types.str; default = name; };
      root = mkOption { type = types.str; default = "/srv/${name}"; };
      port = mkOption { type = types.port; default = 80; };
      locations = mkOption { type = types.attrsOf types.lines; default = { }; };
    };
  });
in
{
  options.services.nginx = {
    enable = lib.mkEnableOption "nginx";
    workers = mkOption { type = types.ints.positive; default = 1; };
    virtualHosts = mkOption { type = types.attrsOf vhost; default = { }; };
  };
  config = mkIf cfg.enable {
    networking.firewall.allowedTCPPorts = lib.mapAttrsToList (_: v: v.port) cfg.virtualHosts;
    users.users.nginx = { uid = 60; isSystemUser = true; group = "nginx"; home = "/var/lib/nginx"; };
    users.groups.nginx.gid = 60;
    environment.etc."nginx/nginx.conf".text = ''
      worker_processes ${toString cfg.workers};
      http {
      ${lib.concatStrings (lib.mapAttrsToList (_: v: ''
        server {
          listen ${toString v.port};
          server_name ${v.serverName};
          root ${v.root};
      ${lib.concatStrings (lib.mapAttrsToList (path: body: "    location ${path} { ${body} }\n") v.locations)}  }
      '') cfg.virtualHosts)}}
    '';
    systemd.services.nginx = {
      description = "nginx web server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = { ExecStart = "/usr/sbin/nginx -g 'daemon off;'"; User = "nginx"; };
    };
  };
}
