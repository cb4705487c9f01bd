# An element behind mkIf is checked once resolved, under its own path.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.l = mkOption { type = types.listOf types.int; }; } { _file = "conf.nix"; l = [ 1 (lib.mkIf true "two") ]; }
]; }).config.l
