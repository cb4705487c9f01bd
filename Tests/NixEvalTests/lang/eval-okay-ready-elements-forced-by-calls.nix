# An element computed early (a genList of plain arithmetic) and then passed to
# a function that forces it must print as forced afterwards, as in Nix.
let
  l = builtins.genList (i: i) 3;
  f = x: x + 1;
  m = map (y: f y) l;
in builtins.seq (builtins.elemAt m 1) [ l m ]
