# The host's declarative containers (/etc/roost/configuration.nix):
# `containers.<name>`, with `systemd.containers.<name>` as an alias.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;

  containerModule = { name, config, ... }: {
    options = {
      config = mkOption {
        type = types.deferredModule;
        default = { };
        example = lib.literalExpression "{ services.openssh.enable = true; }";
        description = "The container's own configuration: a module evaluated with roost's container modules.";
      };
      autoStart = mkOption {
        type = types.bool;
        default = false;
        description = "Whether `roost switch` starts the container (and keeps it started).";
      };
      privateNetwork = mkOption {
        type = types.bool;
        default = false;
        description = "Give the container its own network namespace, joined to the host by a veth pair (host side c-NAME).";
      };
      hostAddress = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "10.231.136.1";
        description = "The host side's IPv4 address (interface c-NAME); picked from 10.233.0.0/16 when null.";
      };
      localAddress = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "10.231.136.2";
        description = "The container side's IPv4 address (eth0); picked from 10.233.0.0/16 when null.";
      };
      bindMounts = mkOption {
        type = types.attrsOf (types.submodule ({ name, ... }: {
          options = {
            mountPoint = mkOption { type = types.str; default = name; description = "Where it appears in the container."; };
            hostPath = mkOption { type = types.str; description = "The host directory or file."; };
            isReadOnly = mkOption { type = types.bool; default = true; description = "Whether the container may only read it."; };
          };
        }));
        default = { };
        description = "Host paths made visible inside the container.";
      };
    };
  };
in
{
  imports = [ (lib.mkAliasOptionModule [ "systemd" "containers" ] [ "containers" ]) ];

  options.containers = mkOption {
    type = types.attrsOf (types.submodule containerModule);
    default = { };
    description = "The host's declarative containers.";
  };

  config.assertions = lib.mapAttrsToList (n: c: {
    assertion = builtins.stringLength "c-${n}" <= 15;
    message = "containers.${n}: the name is too long; the host interface c-${n} must fit 15 characters.";
  }) config.containers;
}
