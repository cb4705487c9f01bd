{ lib, pkgs, ... }:
{
  options.helloPath = lib.mkOption { type = lib.types.str; };
  config.helloPath = "${pkgs.hello}/bin/hello";
}
