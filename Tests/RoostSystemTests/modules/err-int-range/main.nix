# Bounded integers say their bounds.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.n = mkOption { type = types.ints.between 1 10; }; } { _file = "conf.nix"; n = 11; }
]; }).config.n
