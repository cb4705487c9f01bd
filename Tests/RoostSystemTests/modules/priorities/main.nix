# The lowest priority number wins: mkVMOverride (10) < mkForce (50) <
# plain (100) < mkDefault (1000) < the option default (1500); definitions
# of the winning priority are merged together, the others are dropped.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./options.nix ./a.nix ./b.nix ]; };
  o = r.options;
in
{
  values = r.config;
  highestPrio = {
    defaultOnly = o.defaultOnly.highestPrio;
    defaultVsMkDefault = o.defaultVsMkDefault.highestPrio;
    plainVsDefault = o.plainVsDefault.highestPrio;
    forced = o.forced.highestPrio;
    vm = o.vm.highestPrio;
  };
  forcedDefinitions = o.forced.definitions;
}
