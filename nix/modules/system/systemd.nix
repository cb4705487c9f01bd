# systemd units of the container: services and sockets, rendered into unit
# files by roost and switched on activation (changed units restart, removed
# ones stop). Unit options are systemd's own names, in serviceConfig and
# unitConfig; the common dependency lists have options of their own.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;

  unitValue = types.oneOf [ types.bool types.int types.str types.path (types.listOf (types.oneOf [ types.int types.str types.path ])) ];

  commonOptions = { name, ... }: {
    options = {
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "Whether the unit exists in the container.";
      };
      description = mkOption {
        type = types.str;
        default = "";
        description = "The unit's Description=.";
      };
      wantedBy = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "multi-user.target" ];
        description = "Units that want this one (how it gets started at boot).";
      };
      requiredBy = mkOption { type = types.listOf types.str; default = [ ]; description = "Units that require this one."; };
      after = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one starts after."; };
      before = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one starts before."; };
      wants = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one wants."; };
      requires = mkOption { type = types.listOf types.str; default = [ ]; description = "Units this one requires."; };
      unitConfig = mkOption {
        type = types.attrsOf unitValue;
        default = { };
        description = "Extra [Unit] settings.";
      };
    };
  };

  serviceModule = { name, config, ... }: {
    imports = [ commonOptions ];
    options = {
      serviceConfig = mkOption {
        type = types.attrsOf unitValue;
        default = { };
        example = { Type = "notify"; Restart = "always"; };
        description = "[Service] settings.";
      };
      environment = mkOption {
        type = types.attrsOf types.str;
        default = { };
        description = "Environment variables of the service.";
      };
      path = mkOption {
        type = types.listOf types.package;
        default = [ ];
        description = "Packages whose bin/ and sbin/ are on the service's PATH.";
      };
      script = mkOption {
        type = types.lines;
        default = "";
        description = "Shell commands run as the service's main process (ExecStart).";
      };
      preStart = mkOption {
        type = types.lines;
        default = "";
        description = "Shell commands run before the main process (ExecStartPre).";
      };
      restartIfChanged = mkOption {
        type = types.bool;
        default = true;
        description = "Whether a switch restarts the service when its unit changed.";
      };
    };
  };

  socketModule = { name, ... }: {
    imports = [ commonOptions ];
    options = {
      listenStreams = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "0.0.0.0:80" "/run/app.sock" ];
        description = "ListenStream= addresses.";
      };
      socketConfig = mkOption {
        type = types.attrsOf unitValue;
        default = { };
        description = "Extra [Socket] settings.";
      };
    };
  };
in
{
  options.systemd = {
    services = mkOption {
      type = types.attrsOf (types.submodule serviceModule);
      default = { };
      description = "The container's services (NAME.service).";
    };
    sockets = mkOption {
      type = types.attrsOf (types.submodule socketModule);
      default = { };
      description = "The container's sockets (NAME.socket).";
    };
  };
}
