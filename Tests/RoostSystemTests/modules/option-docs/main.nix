# optionAttrSetToDocList, what `roost options` lists: every option with its
# type, default (or defaultText), example and description, sub-options of
# submodules under `<name>` and `*`, `visible = "shallow"` hiding only the
# sub-options, and defaults that cannot be evaluated shown as such.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types literalExpression;
  r = lib.evalModules {
    modules = [
      ({ config, ... }: {
        options = {
          services.web.enable = lib.mkEnableOption "the web server";
          services.web.port = mkOption { type = types.port; default = 80; description = "Port."; };
          services.web.root = mkOption {
            type = types.str;
            default = "/srv/${config.networking.hostName}";
            defaultText = literalExpression ''"/srv/''${config.networking.hostName}"'';
          };
          services.web.user = mkOption { type = types.str; default = throw "set services.web.user"; };
          networking.hostName = mkOption { type = types.str; example = "box"; };
          users = mkOption {
            type = types.attrsOf (types.submodule {
              options.uid = mkOption { type = types.int; description = "User id."; };
              options.keys = mkOption { type = types.listOf (types.submodule { options.text = mkOption { type = types.str; }; }); default = [ ]; };
            });
            default = { };
          };
          hidden = mkOption { type = types.submodule { options.inner = mkOption { type = types.int; }; }; visible = "shallow"; };
          secret = mkOption { type = types.int; internal = true; default = 0; };
        };
      })
    ];
  };
in
map (d: removeAttrs d [ "declarations" ]) (builtins.filter (d: !d.internal) (lib.optionAttrSetToDocList r.options))
