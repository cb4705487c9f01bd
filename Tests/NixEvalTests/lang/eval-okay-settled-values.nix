# Values read through a set or a list after toJSON, deepSeq or a selection
# forced them behave as before: functions compare by the identity of their
# cell only where Nix's do, and short lists met twice print as «repeated».
let
  id = x: x;
  f = id (x: x);
  s = { g = id (x: x); l = id [ 1 2 ]; n = id 3; t = id "t"; inner = { v = id 4; }; };
  forced = builtins.seq s.g (builtins.seq s.l (builtins.seq s.n (builtins.toJSON s.inner)));
  xs = [ (id 1) (id { a = id 2; }) (id "x") ];
in builtins.seq forced (builtins.deepSeq xs {
  sameCell = [ f ] == [ f ];
  selectedTwice = [ s.g ] == [ s.g ];
  setHoldingFunction = { inherit (s) g; } == { inherit (s) g; };
  wholeSetTwice = [ s ] == [ s ];
  number = s.n;
  json = builtins.toJSON xs;
  again = builtins.toJSON xs;
  shortList = [ s.l s.l ];
  inherit xs;
})
