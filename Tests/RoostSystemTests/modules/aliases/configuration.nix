{ lib, ... }:
{
  users.extraUsers.alice = { uid = 1000; extraGroups = [ "wheel" ]; };
  users.users.alice.extraGroups = [ "audio" ];
  users.users.bob = { };
  users.extraGroups.wheel.gid = 10;
  systemd.containers.web = { autoStart = true; localAddress = "10.0.0.2"; };
  containers.db = { };
}
