# A freeform type takes definitions no option declares: at the top of an
# evaluation (freeformType in a module) and inside a submodule (a settings
# file with a few typed keys and any others).
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  r = lib.evalModules {
    modules = [
      {
        freeformType = types.attrsOf types.anything;
        options.declared = mkOption { type = types.int; default = 1; };
        options.settings = mkOption {
          type = types.submodule {
            freeformType = types.attrsOf (types.either types.str types.int);
            options.port = mkOption { type = types.port; default = 80; };
          };
          default = { };
        };
      }
      {
        anything.goes = [ "here" ];
        declared = 2;
        settings = { user = "www"; workers = 4; };
      }
      { anything.more = true; settings.port = 8080; }
    ];
  };
in
{
  inherit (r.config) anything declared settings;
  settingsType = r.options.settings.type.description;
}
