{ lib, ... }:
let inherit (lib) mkOption types; in
{
  options = {
    defaultOnly = mkOption { type = types.str; default = "declared default"; };
    defaultVsMkDefault = mkOption { type = types.str; default = "declared default"; };
    plainVsDefault = mkOption { type = types.int; default = 1; };
    forced = mkOption { type = types.listOf types.str; default = [ "default" ]; };
    vm = mkOption { type = types.str; };
    optionDefaultDefs = mkOption { type = types.listOf types.int; default = [ 0 ]; };
    custom = mkOption { type = types.int; };
    samePriorityLists = mkOption { type = types.listOf types.int; };
  };
}
