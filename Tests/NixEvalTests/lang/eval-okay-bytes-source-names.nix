# Attribute names written in a Latin-1 file are their bytes: quoted names,
# nested paths that merge, selection, `or`, `?`, inherit and let bindings.
rec {
  "י" = 1;
  b = { "ט".c = 2; "ט".d = 3; "ֳ©" = 4; };
  c = b."ט".c or 9;
  d = b."ח" or 8;
  e = b ? "ט".c;
  f = b ? "ט".x;
  g = let "י" = 5; in { inherit "י"; };
  h = { inherit (b) "ט"; };
  i = { ${"ז"} = 1; "x${"ו"}" = 2; };
  j = builtins.attrNames { "י" = 1; "ֳ©" = 2; "e" = 3; "יי" = 4; };
  k = b."ֳ©";
  l = builtins.getAttr "י" { "י" = 6; };
  m = builtins.hasAttr "י" { "ֳ©" = 7; };
  n = { "י" = 1; } == { "י" = 1; };
  o = { "י" = 1; } == { "ט" = 1; };
  p = builtins.toJSON { "י" = "ט"; };
}
