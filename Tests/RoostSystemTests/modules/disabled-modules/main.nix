# disabledModules removes modules by path, by a string relative to
# specialArgs.modulesPath, and by key; what only they import goes too, and
# another module may then declare the same options anew.
let
  lib = import <roost/lib>;
  r = lib.evalModules {
    specialArgs.modulesPath = ./modules;
    modules = [ ./modules/base.nix ./configuration.nix ];
  };
in
r.config
