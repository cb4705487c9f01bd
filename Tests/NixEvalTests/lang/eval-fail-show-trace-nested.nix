let
  f = x: g x;
  g = y: y + "str";
in f 1
