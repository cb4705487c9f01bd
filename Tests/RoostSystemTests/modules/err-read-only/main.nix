# A read-only option may be set once.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.id = mkOption { type = types.int; readOnly = true; }; } { id = 1; } { id = 1; }
]; }).config.id
