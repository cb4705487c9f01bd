# Builtins of two and three arguments called inside each other's arguments
# (roost reuses argument arrays between calls).
let
  sub = builtins.substring;
in [
  (sub (builtins.stringLength (sub 1 3 "abcdef")) (builtins.add 1 (builtins.sub 3 2)) (sub 0 5 "0123456789"))
  (builtins.foldl' (acc: x: acc + builtins.foldl' (a: y: a + y * x) 0 [ 1 2 3 ]) 0 [ 1 2 ])
  (builtins.replaceStrings [ "a" ] [ (sub 0 1 (builtins.replaceStrings [ "b" ] [ "c" ] "bd")) ] "aaa")
  (builtins.genList (i: builtins.elemAt [ 10 20 30 ] (builtins.sub 2 i)) 3)
  (builtins.mapAttrs (n: v: builtins.concatStringsSep n [ v (sub 0 1 v) ]) { x = "ab"; y = "cd"; })
]
