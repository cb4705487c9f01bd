# Names sorted byte-wise, also names first seen after many others were sorted
# (roost ranks known names and compares newer ones by their bytes).
let
  early = builtins.listToAttrs (builtins.genList (i: { name = "k${toString (i * 7 - i / 3 * 20)}"; value = i; }) 60);
  firstSort = builtins.attrNames early;
  later = early // { "k-1" = 0; "K" = 1; "k" = 2; "k10x" = 3; "é" = 4; "" = 6; "k9" = 7; "zz" = 8; } // { "é" = 5; };
in {
  inherit firstSort;
  names = builtins.attrNames later;
  values = builtins.attrValues { b = 2; a = 1; "a1" = 3; "A" = 4; };
  json = builtins.toJSON (builtins.removeAttrs later (builtins.genList (i: "k${toString i}") 40));
}
