# mkIf needs a Boolean condition.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.int; }; } { a = lib.mkIf "yes" 1; }
]; }).config.a
