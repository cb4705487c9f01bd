# map, genList and foldl' over lambdas that roost computes early or calls
# directly, next to ones it cannot: the results are the same either way.
let
  sum = builtins.foldl' (a: b: a + b) 0;
  big = builtins.genList (i: i) 1000;
  mixed = map (x: x * 2) [ 1 (1 + 2) 2.5 ];
  strs = map (x: x + "!") [ "a" "b" ];
  shadow = let k = 10; in builtins.genList (i: i + k) 3;
  nested = builtins.genList (i: builtins.genList (j: i * j) 3) 3;
  capture = map (f: f 1) (builtins.genList (i: j: i + j) 3);
  formals = builtins.foldl' ({ n, ... }: x: { n = n + x; }) { n = 0; } [ 1 2 3 ];
  curriedOnce = builtins.foldl' (a: a + 1) 0;
in
[ (sum big) mixed strs shadow nested capture formals (builtins.foldl' (acc: x: acc ++ [ x ]) [ ] [ 1 2 3 ]) ]
