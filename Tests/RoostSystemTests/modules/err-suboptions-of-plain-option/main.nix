# Options below an option without sub-options.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "a.nix"; options.a = mkOption { type = types.int; }; } { _file = "b.nix"; options.a.b = mkOption { type = types.int; }; } { a = 1; }
]; }).config.a
