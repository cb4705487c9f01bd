# The benchmark host: 100 containers, each with users, some services and
# /etc files, declared through the benchmark's own option modules.
{ lib, ... }:
let
  names = lib.genList (i: "c${toString i}") 100;
  container = i: name: {
    autoStart = lib.mod i 2 == 0;
    privateNetwork = true;
    hostAddress = "10.231.${toString (i / 50)}.${toString (lib.mod (i * 2) 100 + 1)}";
    localAddress = "10.231.${toString (i / 50)}.${toString (lib.mod (i * 2) 100 + 2)}";
    config = { config, lib, containerName, ... }: {
      networking.domain = "example.org";
      users.users = {
        alice = { uid = 1000; extraGroups = [ "wheel" ]; openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAA${containerName}" ]; };
        bob = { uid = 1001; description = "Bob of ${containerName}"; };
        ops = { uid = 1002 + i; extraGroups = [ "wheel" "users" ]; };
      };
      users.extraGroups.ops.gid = 2000;
      services.openssh = {
        enable = true;
        ports = [ 22 (2200 + i) ];
        settings = { PasswordAuthentication = false; X11Forwarding = false; MaxAuthTries = 3; };
      };
      services.nginx = lib.mkIf (lib.mod i 3 != 0) {
        enable = true;
        workers = 1 + lib.mod i 4;
        virtualHosts."${containerName}.example.org" = { locations."/" = "try_files $uri =404;"; };
        virtualHosts."api.${containerName}" = { port = 8080; locations."/api" = "proxy_pass http://127.0.0.1:9000;"; };
      };
      services.postgresql = lib.mkIf (lib.mod i 4 == 0) {
        enable = true;
        databases = [ "app" "metrics" ];
        settings.max_connections = 50 + i;
      };
      systemd.services.app = {
        description = "Application of ${containerName}";
        wantedBy = [ "multi-user.target" ];
        after = [ "network.target" ] ++ lib.optional config.services.postgresql.enable "postgresql.service";
        environment = { PORT = "9000"; NAME = containerName; };
        serviceConfig = { ExecStart = "/usr/bin/env python3 -m http.server 9000"; DynamicUser = true; };
      };
      environment.etc."motd".text = "Welcome to ${containerName}";
      environment.etc."app/config.ini".text = lib.generators.toINI { } {
        server = { port = 9000; host = "0.0.0.0"; };
        database = { enabled = config.services.postgresql.enable; name = "app"; };
      };
    };
  };
in
{
  imports = [ ./modules/containers.nix ];
  containers = lib.listToAttrs (lib.imap0 (i: name: lib.nameValuePair name (container i name)) names);
}
