# specialArgs reach every module (even `imports`), `_module.args` reach
# module functions lazily (here `pkgs`, set by a module), and a submodule
# gets its own specialArgs and `name`.
let
  lib = import <roost/lib>;
  r = lib.evalModules {
    specialArgs = { hostName = "box"; extraModules = [ ./extra.nix ]; };
    modules = [ ./main-module.nix ];
  };
in
r.config
