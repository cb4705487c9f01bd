# mkIf and mkMerge, at the top of a module, inside sets and inside values;
# a module's whole config may depend on other options through mkIf.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./options.nix ./service.nix ./user.nix ]; };
in
r.config
