# Two declarations may not both give a default.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { _file = "first.nix"; options.a = mkOption { type = types.int; default = 1; }; } { _file = "second.nix"; options.a = mkOption { default = 2; }; }
]; }).config.a
