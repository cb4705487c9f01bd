# Building a set of 200,000 names with listToAttrs, then looking names up in it.
let
  n = 200000;
  set = builtins.listToAttrs (builtins.genList (i: { name = "name-${toString i}"; value = i; }) n);
  probe = builtins.genList (i: set."name-${toString (i * 7 - (i * 7) / n * n)}") 1000;
in
[ (builtins.length (builtins.attrNames set)) (builtins.foldl' (a: b: a + b) 0 probe) ]
