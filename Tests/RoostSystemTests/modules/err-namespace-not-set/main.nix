# A set of options must be defined with a set.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  { options.services.web.enable = mkOption { type = types.bool; default = false; }; } { _file = "conf.nix"; services = true; }
]; }).config.services.web.enable
