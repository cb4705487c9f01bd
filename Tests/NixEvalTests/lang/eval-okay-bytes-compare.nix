# Strings compare byte for byte, whether or not they are UTF-8; such strings
# are attribute names too (sorted by bytes, printed as their bytes).
let
  first = builtins.substring 0 1 "é";
  second = builtins.substring 1 1 "é";
  set = { ${first} = 1; a = 2; "ü" = 3; ${second} = 4; };
  listed = builtins.listToAttrs [ { name = first; value = "f"; } { name = "z"; value = "z"; } ];
in [
  (first < "é")
  ("é" < first)
  (second < first)
  (first == "é")
  (first == first)
  (first == builtins.substring 0 1 "é")
  ([ first ] == [ (builtins.substring 0 1 "ê") ])
  ({ x = first; } == { x = second; })
  (builtins.sort builtins.lessThan [ "z" second first "é" "a" "" ])
  set
  (builtins.attrNames set)
  (builtins.attrValues set)
  listed
  (builtins.getAttr first listed)
  (builtins.hasAttr first listed)
  (builtins.hasAttr "é" listed)
  (builtins.removeAttrs listed [ first ])
  (builtins.catAttrs first [ listed { } set ])
  (builtins.mapAttrs (name: value: name) { ${first} = 0; })
  (builtins.groupBy (x: x) [ first "a" first ])
  (set ? ${first})
  set.${second}
]
