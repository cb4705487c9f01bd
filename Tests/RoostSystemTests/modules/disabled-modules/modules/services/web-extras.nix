{ lib, ... }:
{ options.web.extra = lib.mkOption { type = lib.types.str; default = "only through web.nix"; }; }
