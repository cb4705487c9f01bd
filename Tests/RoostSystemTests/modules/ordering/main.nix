# Lists and lines follow mkOrder (mkBefore 500, plain 1000, mkAfter 1500);
# definitions of equal order keep the order modules were found in.
let
  lib = import <roost/lib>;
  inherit (lib) mkOption types mkBefore mkAfter mkOrder mkMerge;
  r = lib.evalModules {
    modules = [
      {
        options.list = mkOption { type = types.listOf types.str; };
        options.text = mkOption { type = types.lines; };
      }
      { list = [ "plain-1" ]; text = "middle"; }
      { list = mkAfter [ "after" ]; text = mkAfter "end"; }
      { list = mkBefore [ "before" ]; text = mkBefore "start"; }
      { list = mkOrder 1200 [ "order-1200" ]; }
      { list = mkOrder 10 [ "order-10" ]; }
      { list = mkMerge [ [ "plain-2" ] (mkBefore [ "before-2" ]) ]; }
    ];
  };
in
{ inherit (r.config) list text; }
