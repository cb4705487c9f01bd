# The first of equal names wins, in short lists and long ones; a later
# duplicate is not looked at, so it may lack `value`.
let
  short = builtins.listToAttrs [ { name = "a"; value = 1; } { name = "b"; value = 2; } { name = "a"; value = 3; } { name = "b"; } ];
  long = builtins.listToAttrs (builtins.genList (i: { name = "n${toString (i - i / 5 * 5)}"; value = i; }) 40 ++ [ { name = "n1"; } ]);
in { inherit short long; }
