# Submodules inside attrsOf inside submodules (containers → users → keys),
# each level merging definitions from several files, defaults from the
# inner modules, `name` at every level, and config reaching across levels.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./containers.nix ./one.nix ./two.nix ]; };
in
r.config.containers
