{ lib, ... }:
{ options.mail.enable = lib.mkOption { type = lib.types.bool; default = true; }; }
