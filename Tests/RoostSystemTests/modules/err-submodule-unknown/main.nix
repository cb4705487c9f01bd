# An unknown option inside a submodule names the full path.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.users = mkOption { type = types.attrsOf (types.submodule { options.uid = mkOption { type = types.int; }; }); }; } { _file = "conf.nix"; users.alice.ui = 1; }
]; }).config.users.alice
