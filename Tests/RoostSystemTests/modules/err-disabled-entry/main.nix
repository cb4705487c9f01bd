# disabledModules entries are paths, strings or keyed sets.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "conf.nix"; disabledModules = [ 1 ]; }
]; }).config
