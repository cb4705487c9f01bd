# A module asking for an argument nobody provides.
let lib = import <roost/lib>; inherit (lib) mkOption types; in
(lib.evalModules { modules = [
  ({ pkgs, ... }: { _file = "needs-pkgs.nix"; options.a = mkOption { type = types.str; default = pkgs.hello; }; })
]; }).config.a
