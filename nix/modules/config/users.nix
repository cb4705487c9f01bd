# Users and groups of the container: written to its /etc/passwd, /etc/group
# and /etc/shadow on activation. `users.extraUsers` and `users.extraGroups`
# stay valid as aliases of `users.users` and `users.groups`.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;

  userModule = { name, config, ... }: {
    options = {
      name = mkOption {
        type = types.str;
        default = name;
        defaultText = lib.literalExpression "the attribute name";
        description = "The user's login name.";
      };
      uid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The user's id; null lets activation pick a free one (system users below 1000).";
      };
      isNormalUser = mkOption {
        type = types.bool;
        default = false;
        description = "A person's account: a home under /home, a login shell, a uid from 1000.";
      };
      isSystemUser = mkOption {
        type = types.bool;
        default = false;
        description = "An account for a service: no home, no login, a uid below 1000.";
      };
      group = mkOption {
        type = types.str;
        default = "";
        description = "The user's primary group; empty means `users` for normal users.";
      };
      extraGroups = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "wheel" ];
        description = "Supplementary groups.";
      };
      description = mkOption {
        type = types.str;
        default = "";
        description = "The GECOS field: usually the full name.";
      };
      home = mkOption {
        type = types.str;
        default = if config.isNormalUser then "/home/${config.name}" else "/var/empty";
        defaultText = lib.literalExpression ''"/home/''${name}" for normal users, else "/var/empty"'';
        description = "The user's home directory.";
      };
      createHome = mkOption {
        type = types.bool;
        default = config.isNormalUser;
        description = "Whether activation creates the home directory, owned by the user.";
      };
      shell = mkOption {
        type = types.either types.str types.package;
        default = if config.isNormalUser then "/bin/bash" else "/usr/sbin/nologin";
        description = "The login shell: a path or a package.";
      };
      hashedPassword = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = "The password hash for /etc/shadow (as `mkpasswd` prints it); null locks the password.";
      };
      openssh.authorizedKeys.keys = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Public keys allowed to log in as this user over SSH.";
      };
    };
  };

  groupModule = { name, ... }: {
    options = {
      name = mkOption {
        type = types.str;
        default = name;
        description = "The group's name.";
      };
      gid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The group's id; null lets activation pick a free one.";
      };
      members = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Users that belong to the group (besides those naming it in extraGroups).";
      };
    };
  };
in
{
  imports = [
    (lib.mkAliasOptionModule [ "users" "extraUsers" ] [ "users" "users" ])
    (lib.mkAliasOptionModule [ "users" "extraGroups" ] [ "users" "groups" ])
  ];

  options.users = {
    users = mkOption {
      type = types.attrsOf (types.submodule userModule);
      default = { };
      description = "The container's users, besides root.";
    };
    groups = mkOption {
      type = types.attrsOf (types.submodule groupModule);
      default = { };
      description = "The container's groups.";
    };
  };

  config = {
    users.users.root = {
      uid = 0;
      group = "root";
      home = "/root";
      shell = lib.mkDefault "/bin/bash";
      description = "System administrator";
    };
    users.groups = {
      root.gid = 0;
      users.gid = 100;
      wheel.gid = 1;
      nogroup.gid = 65534;
    };
    assertions = lib.mapAttrsToList (n: u: {
      assertion = !(u.isNormalUser && u.isSystemUser);
      message = "users.users.${n} cannot be both a normal user and a system user.";
    }) config.users.users;
  };
}
