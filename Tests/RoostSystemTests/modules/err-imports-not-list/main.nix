# imports must be a list.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "conf.nix"; imports = ./x.nix; }
]; }).config
