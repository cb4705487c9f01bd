# A module must be a set, a function or a path.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { imports = [ 42 ]; }
]; }).config
