# Users and groups, rendered into /etc/passwd and /etc/group.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.users;
  user = types.submodule ({ name, config, ... }: {
    options = {
      name = mkOption { type = types.str; default = name; };
      uid = mkOption { type = types.nullOr types.int; default = null; };
      group = mkOption { type = types.str; default = "users"; };
      extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
      home = mkOption { type = types.str; default = "/home/${config.name}"; };
      shell = mkOption { type = types.str; default = "/bin/bash"; };
      isSystemUser = mkOption { type = types.bool; default = false; };
      description = mkOption { type = types.str; default = ""; };
      openssh.authorizedKeys.keys = mkOption { type = types.listOf types.str; default = [ ]; };
    };
  });
  group = types.submodule ({ name, ... }: {
    options.name = mkOption { type = types.str; default = name; };
    options.gid = mkOption { type = types.nullOr types.int; default = null; };
    options.members = mkOption { type = types.listOf types.str; default = [ ]; };
  });
  members = g: lib.unique (g.members ++ lib.attrNames (lib.filterAttrs (_: u: lib.elem g.name u.extraGroups) cfg.users));
in
{
  imports = [
    (lib.mkAliasOptionModule [ "users" "extraUsers" ] [ "users" "users" ])
    (lib.mkAliasOptionModule [ "users" "extraGroups" ] [ "users" "groups" ])
  ];
  options.users.users = mkOption { type = types.attrsOf user; default = { }; };
  options.users.groups = mkOption { type = types.attrsOf group; default = { }; };
  config = {
    users.users.root = { uid = 0; group = "root"; home = "/root"; };
    users.groups = { root.gid = 0; users.gid = 100; wheel.gid = 1; };
    environment.etc.passwd.text = lib.concatStrings (lib.mapAttrsToList
      (_: u: "${u.name}:x:${toString u.uid}:${toString (cfg.groups.${u.group}.gid or 100)}:${u.description}:${u.home}:${u.shell}\n")
      cfg.users);
    environment.etc.group.text = lib.concatStrings (lib.mapAttrsToList
      (_: g: "${g.name}:x:${toString g.gid}:${lib.concatStringsSep "," (members g)}\n")
      cfg.groups);
    assertions = lib.mapAttrsToList
      (n: u: { assertion = u.isSystemUser || u.uid == null || u.uid >= 1000 || u.uid == 0; message = "user ${n} has a uid below 1000"; })
      cfg.users;
  };
}
