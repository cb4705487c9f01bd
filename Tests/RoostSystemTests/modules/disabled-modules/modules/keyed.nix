{ lib, ... }:
{
  key = "roost-test-keyed";
  options.keyed = lib.mkOption { type = lib.types.str; default = "present"; };
}
