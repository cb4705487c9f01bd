{ lib, ... }:
{
  defaultVsMkDefault = lib.mkDefault "from mkDefault";
  plainVsDefault = lib.mkDefault 2;
  forced = lib.mkForce [ "forced one" ];
  vm = lib.mkForce "forced";
  optionDefaultDefs = lib.mkOptionDefault [ 1 ];
  custom = lib.mkOverride 200 200;
  samePriorityLists = lib.mkDefault [ 1 ];
}
