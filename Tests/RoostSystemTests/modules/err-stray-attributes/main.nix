# With config or options, definitions must go inside config.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "mixed.nix"; options.a = mkOption { type = types.int; }; a = 1; b = 2; }
]; }).config.a
