{ lib, ... }:
{ options.ssh.enable = lib.mkOption { type = lib.types.bool; default = true; }; }
