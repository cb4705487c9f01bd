{ lib, ... }:
{
  options.trail = lib.mkOption { type = lib.types.listOf lib.types.str; };
  options.count = lib.mkOption { type = lib.types.int; default = 0; };
}
