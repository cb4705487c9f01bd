# The three spellings of a module: `options` + `config`, only `config`, and
# shorthand (definitions at the top); `_file` names where definitions come
# from; a module may be a function of only the arguments it needs.
let
  lib = import <roost/lib>;
  r = lib.evalModules {
    modules = [
      { options.names = lib.mkOption { type = lib.types.listOf lib.types.str; }; config.names = [ "explicit" ]; }
      { config = { names = [ "config only" ]; }; }
      { names = [ "shorthand" ]; }
      { _file = "/etc/roost/configuration.nix"; names = [ "with _file" ]; }
      ({ lib, ... }: { names = lib.singleton "function"; })
      (args: { names = [ "plain lambda with ${toString (builtins.length (builtins.attrNames args))}+ args" ]; })
      { imports = [ ]; key = "keyed"; meta = { maintainers = [ ]; }; names = [ "with key and meta" ]; }
    ];
  };
in
{
  inherit (r.config) names;
  files = r.options.names.files;
}
