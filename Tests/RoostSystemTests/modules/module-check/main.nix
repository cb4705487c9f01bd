# `_module.check = false` (or evalModules { check = false; }) lets
# definitions of undeclared options through, ignored; freeform types
# declared by two modules combine.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types;
  lenient = lib.evalModules {
    modules = [
      { options.known = mkOption { type = types.int; default = 1; }; }
      { _module.check = false; unknown.deep = true; known = 2; }
    ];
  };
  unchecked = lib.evalModules {
    check = false;
    modules = [ { options.a = mkOption { default = 1; }; } { b = 2; } ];
  };
  freeform = lib.evalModules {
    modules = [
      { freeformType = types.attrsOf types.str; }
      { freeformType = types.attrsOf types.str; options.n = mkOption { type = types.int; default = 0; }; }
      { x = "free"; n = 3; }
    ];
  };
in
{
  lenient = removeAttrs lenient.config [ "assertions" "warnings" ];
  unchecked = unchecked.config.a;
  freeform = removeAttrs freeform.config [ "assertions" "warnings" ];
}
