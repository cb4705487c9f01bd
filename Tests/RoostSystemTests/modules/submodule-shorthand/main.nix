# submodule (shorthandOnlyDefinesConfig = true): a plain set value is pure
# configuration, so `imports` inside it is an ordinary option; functions and
# paths are modules. submoduleWith without it: a plain set is a module, with
# its own `imports` and `config`.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  inner = {
    options.imports = mkOption { type = types.listOf types.str; default = [ ]; };
    options.value = mkOption { type = types.int; default = 0; };
  };
  r = lib.evalModules {
    modules = [
      {
        options.short = mkOption { type = types.submodule inner; default = { }; };
        options.full = mkOption { type = types.submoduleWith { modules = [ inner ]; }; default = { }; };
      }
      {
        short = { imports = [ "just a string option" ]; value = 1; };
        full = { imports = [ { value = 5; } ]; config.imports = [ "set under config" ]; };
      }
      { short = { lib, ... }: { value = lib.mkForce 2; }; full = ./extra.nix; }
    ];
  };
in
r.config
