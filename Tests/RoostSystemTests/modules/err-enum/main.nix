# A value outside an enum.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.level = mkOption { type = types.enum [ "low" "high" ]; }; } { _file = "conf.nix"; level = "medium"; }
]; }).config.level
