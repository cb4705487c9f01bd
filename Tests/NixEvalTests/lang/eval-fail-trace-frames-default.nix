let
  inner = x: builtins.head x;
  outer = x: inner x;
in { result = outer [ ]; }
