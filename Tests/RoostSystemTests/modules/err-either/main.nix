# A value matching neither side of either.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.a = mkOption { type = types.either types.int types.bool; }; } { _file = "conf.nix"; a = "x"; }
]; }).config.a
