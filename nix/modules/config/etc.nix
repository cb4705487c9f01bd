# Files of the container's /etc. Each entry is a file in the store, linked
# (or copied, when a mode is given) into /etc on activation.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;

  etcModule = { name, config, ... }: {
    options = {
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "Whether this file is installed.";
      };
      target = mkOption {
        type = types.str;
        default = name;
        description = "The path under /etc.";
      };
      text = mkOption {
        type = types.nullOr types.lines;
        default = null;
        description = "The file's contents; the alternative to `source`.";
      };
      source = mkOption {
        type = types.path;
        description = "The file to install (made from `text` when that is set).";
      };
      mode = mkOption {
        type = types.str;
        default = "symlink";
        example = "0600";
        description = "`symlink` links the store file; an octal mode copies it with that mode.";
      };
      user = mkOption {
        type = types.str;
        default = "root";
        description = "Owner of a copied file.";
      };
      group = mkOption {
        type = types.str;
        default = "root";
        description = "Group of a copied file.";
      };
    };
    config.source = lib.mkIf (config.text != null)
      (lib.mkDefault (pkgs.writeText "etc-${baseNameOf name}" config.text));
  };
in
{
  options.environment = {
    etc = mkOption {
      type = types.attrsOf (types.submodule etcModule);
      default = { };
      example = lib.literalExpression ''{ "motd".text = "Welcome."; }'';
      description = "Files in the container's /etc.";
    };
    systemPackages = mkOption {
      type = types.listOf types.package;
      default = [ ];
      description = "Host packages the configuration needs (the host must have them installed).";
    };
    variables = mkOption {
      type = types.attrsOf types.str;
      default = { };
      description = "Environment variables set for login shells (/etc/profile.d/roost.sh).";
    };
  };
}
