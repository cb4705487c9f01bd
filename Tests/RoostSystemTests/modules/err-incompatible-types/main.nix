# Two declarations with types that cannot be combined.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "first.nix"; options.a = mkOption { type = types.int; }; } { _file = "second.nix"; options.a = mkOption { type = types.str; }; } { a = 1; }
]; }).config.a
