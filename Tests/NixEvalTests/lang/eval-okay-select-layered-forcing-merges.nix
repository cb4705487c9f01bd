# Selecting from a set made by `//` with a small right side (kept as layers)
# an attribute whose value, when forced, lists the whole set (which merges
# the layers): the lower layer is used only by the set itself.
let
  top = {
    a = builtins.length (builtins.attrNames top);
    b = builtins.concatStringsSep "," (builtins.attrNames top);
    p1 = 1; p2 = 2; p3 = 3; p4 = 4; p5 = 5; p6 = 6; p7 = 7; p8 = 8; p9 = 9;
  } // { c = 3; };
  deeper = { x = { inner = builtins.attrNames deeper; }; p1 = 1; p2 = 2; p3 = 3; p4 = 4; p5 = 5; p6 = 6; p7 = 7; p8 = 8; p9 = 9; } // { y = 1; };
in [ top.a top.b top.a deeper.x.inner deeper.x.inner ]
