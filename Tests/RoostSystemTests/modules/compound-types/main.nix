# nullOr, either, oneOf, coercedTo, functionTo, uniq, unique, lazyAttrsOf
# and nonEmptyListOf: what they accept and how they merge.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types mkIf;
  r = lib.evalModules {
    modules = [
      {
        options = {
          maybe = mkOption { type = types.nullOr types.str; default = null; };
          maybeSet = mkOption { type = types.nullOr types.int; };
          strOrInt = mkOption { type = types.either types.str types.int; };
          strOrInts = mkOption { type = types.listOf (types.either types.str types.int); };
          oneOfThree = mkOption { type = types.attrsOf (types.oneOf [ types.bool types.int types.str ]); };
          coerced = mkOption { type = types.coercedTo types.str (s: [ s ]) (types.listOf types.str); };
          coercedMixed = mkOption { type = types.coercedTo types.int toString types.str; };
          fn = mkOption { type = types.functionTo (types.listOf types.str); };
          once = mkOption { type = types.uniq (types.listOf types.int); };
          onceWithMessage = mkOption { type = types.unique { message = "set it in one place"; } types.str; };
          lazy = mkOption { type = types.lazyAttrsOf types.int; };
          strict = mkOption { type = types.attrsOf types.int; };
          nonEmpty = mkOption { type = types.nonEmptyListOf types.str; };
        };
      }
      {
        maybeSet = 3;
        strOrInt = 7;
        strOrInts = [ "a" 1 ];
        oneOfThree = { flag = true; count = 2; name = "x"; };
        coerced = "single";
        coercedMixed = 42;
        fn = x: [ "first ${x}" ];
        once = [ 1 2 ];
        onceWithMessage = "only";
        lazy = { ok = 1; never = throw "a lazy attribute is not forced until read"; hidden = mkIf false 2; };
        strict = { ok = 1; hidden = mkIf false 2; };
        nonEmpty = [ "x" ];
      }
      {
        strOrInts = [ 2 ];
        coerced = [ "list" ];
        fn = x: [ "second ${x}" ];
      }
    ];
  };
  c = r.config;
in
{
  inherit (c) maybe maybeSet strOrInt strOrInts oneOfThree coerced coercedMixed once onceWithMessage strict nonEmpty;
  fn = c.fn "call";
  lazyNames = builtins.attrNames c.lazy;
  lazyOk = c.lazy.ok;
  lazyHiddenDefined = (builtins.tryEval c.lazy.hidden).success;
}
