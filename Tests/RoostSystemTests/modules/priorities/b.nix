{ lib, ... }:
{
  plainVsDefault = 3;
  forced = lib.mkMerge [ [ "plain" ] (lib.mkForce [ "forced two" ]) ];
  vm = lib.mkVMOverride "vm wins";
  optionDefaultDefs = lib.mkOptionDefault [ 2 ];
  custom = lib.mkOverride 150 150;
  samePriorityLists = lib.mkDefault [ 2 ];
}
