# Attribute names are byte strings: the precomposed and the decomposed
# spellings of "é" are two names, ordered by their bytes.
let
  s = builtins.listToAttrs [ { name = "é"; value = 1; } { name = "é"; value = 2; } { name = "z"; value = 3; } ];
  d = let a = "é"; b = "é"; in { ${a} = 1; ${b} = 2; };
in [ (builtins.attrNames s) s."é" s."é" (builtins.attrNames d) (d ? "é") ("é" == "é") ("é" < "é") ]
