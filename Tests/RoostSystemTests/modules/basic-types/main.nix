# Every basic type accepts its values and merges equal definitions.
let
  lib = import <roost/lib>;
  result = lib.evalModules { modules = [ ./options.nix ./values.nix ./again.nix ]; };
in
result.config // { aPath = toString result.config.aPath; pathIsPath = builtins.isPath result.config.aPath; }
