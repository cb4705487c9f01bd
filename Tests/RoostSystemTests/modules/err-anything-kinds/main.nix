# anything merges sets, not a set with a string.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.anything; }; } { a = { x = 1; }; } { a = "s"; }
]; }).config.a
