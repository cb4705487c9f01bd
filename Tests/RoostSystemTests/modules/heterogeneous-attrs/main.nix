# heterogeneousAttrsOf f: each attribute `name` has type `f name` — a
# settings set where some keys are typed specially and the rest are strings.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  typeOf = name:
    if name == "port" then types.port
    else if name == "extraArgs" then types.listOf types.str
    else if name == "limits" then types.attrsOf types.int
    else types.str;
  r = lib.evalModules {
    modules = [
      { options.settings = mkOption { type = types.heterogeneousAttrsOf typeOf; default = { }; }; }
      { settings = { port = 22; extraArgs = [ "-v" ]; user = "root"; limits.files = 1024; gone = lib.mkIf false "x"; }; }
      { settings = { extraArgs = [ "-d" ]; limits.procs = 64; port = lib.mkDefault 2222; }; }
    ];
  };
in
r.config.settings
