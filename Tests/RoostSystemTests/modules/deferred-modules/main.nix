# A deferredModule option collects module definitions from several files
# without evaluating them; the reader evaluates them later (here per
# container, as Roost's containers do with their `config`).
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  system = { lib, ... }: {
    options.services.web.enable = mkOption { type = types.bool; default = false; };
    options.services.web.root = mkOption { type = types.str; default = "/srv"; };
  };
  r = lib.evalModules {
    modules = [
      {
        options.containers = mkOption {
          type = types.attrsOf (types.submodule ({ config, ... }: {
            options.config = mkOption { type = types.deferredModuleWith { staticModules = [ system ]; }; default = { }; };
            options.evaluated = mkOption { type = types.raw; readOnly = true; };
            config.evaluated = (lib.evalModules { modules = [ config.config ]; }).config;
          }));
        };
        options.common = mkOption { type = types.deferredModule; default = { }; };
      }
      { containers.a.config = { services.web.enable = true; }; }
      ({ config, ... }: {
        containers.a.config = { lib, ... }: { services.web.root = lib.mkForce "/var/www"; };
        containers.b.config = config.common;
        common.services.web.root = "/common";
      })
    ];
  };
in
{
  a = r.config.containers.a.evaluated.services;
  b = r.config.containers.b.evaluated.services;
  commonImports = builtins.length r.config.common.imports;
}
