# map and genList of plain arithmetic: roost may compute such elements early,
# but they must still print as unevaluated until something forces them.
let
  l = builtins.genList (i: i * 2) 4;
  m = map (x: x + 1) [ 1 2 3 ];
  n = map (x: x + 1) [ (1 + 1) 2 ];
  f = y: y - 1;
  g = builtins.genList f 3;
in
builtins.seq (builtins.elemAt l 1) (builtins.seq (builtins.elemAt m 2) (builtins.seq (builtins.elemAt g 0)
  [ l m n g (builtins.foldl' (a: b: a + b) 0 l) l (map (x: x / 0) [ 1 ]) ]))
