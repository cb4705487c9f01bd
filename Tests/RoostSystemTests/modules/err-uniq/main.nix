# uniq allows one definition only.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.uniq types.int; }; } { a = 1; } { a = 1; }
]; }).config.a
