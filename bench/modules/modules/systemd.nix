# Services as unit files under /etc/systemd/system.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  unit = types.submodule ({ name, config, ... }: {
    options = {
      description = mkOption { type = types.str; default = name; };
      wantedBy = mkOption { type = types.listOf types.str; default = [ ]; };
      after = mkOption { type = types.listOf types.str; default = [ ]; };
      environment = mkOption { type = types.attrsOf types.str; default = { }; };
      serviceConfig = mkOption { type = types.attrsOf (types.oneOf [ types.str types.int types.bool (types.listOf types.str) ]); default = { }; };
      script = mkOption { type = types.lines; default = ""; };
    };
  });
  render = name: u: lib.generators.toINI { listsAsDuplicateKeys = true; } {
    Unit = { Description = u.description; After = u.after; };
    Service = u.serviceConfig // lib.optionalAttrs (u.environment != { }) {
      Environment = lib.mapAttrsToList (k: v: "${k}=${v}") u.environment;
    } // lib.optionalAttrs (u.script != "") { ExecStart = "/bin/sh -c ${lib.escapeShellArg u.script}"; };
    Install = { WantedBy = u.wantedBy; };
  };
in
{
  options.systemd.services = mkOption { type = types.attrsOf unit; default = { }; };
  config.environment.etc = lib.mapAttrs'
    (name: u: lib.nameValuePair "systemd/system/${name}.service" { text = render name u; })
    config.systemd.services;
}
