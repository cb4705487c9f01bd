# Imports of paths (files and directories), of functions and of inline
# sets; a file imported twice counts once; definitions merge breadth-first
# in the order modules are found.
let
  lib = import <roost/lib>;
  r = lib.evalModules { modules = [ ./top.nix ]; };
in
{
  inherit (r.config) trail count;
  files = map (f: builtins.baseNameOf f) r.options.trail.files;
}
