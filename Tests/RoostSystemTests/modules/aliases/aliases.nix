{ lib, ... }:
{
  imports = [
    (lib.mkAliasOptionModule [ "users" "extraUsers" ] [ "users" "users" ])
    (lib.mkAliasOptionModule [ "users" "extraGroups" ] [ "users" "groups" ])
    (lib.mkAliasOptionModule [ "systemd" "containers" ] [ "containers" ])
  ];
}
