# nullOr refuses null next to a value.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.nullOr types.int; }; } { _file = "one.nix"; a = null; } { _file = "two.nix"; a = 1; }
]; }).config.a
