# Long chains of `//` with small right sides (roost keeps such updates as
# layers over the big set until it merges them): lookups, overrides, names,
# counts, equality, `?`, positions and builtins must all see one plain set.
let
  base = builtins.listToAttrs (builtins.genList (i: { name = "n${toString i}"; value = i; }) 100);
  step = acc: i: acc // { "n${toString (i * 7 - i * 7 / 100 * 100)}" = i * 1000; "extra${toString i}" = i; };
  chained = builtins.foldl' step base (builtins.genList (i: i) 30);
  early = builtins.foldl' step base (builtins.genList (i: i) 3);
  lit = { a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; j = 10; } // { b = 20; } // { k = 11; } // { a = 10; };
in
{
  count = builtins.length (builtins.attrNames chained);
  earlyCount = builtins.length (builtins.attrNames early);
  n0 = chained.n0;
  n7 = chained.n7;
  n99 = chained.n99;
  extra29 = chained.extra29;
  has = [ (chained ? n50) (chained ? extra30) (early ? extra2) (early ? extra3) ];
  orDefault = early.extra9 or "none";
  lit = lit;
  litNames = builtins.attrNames lit;
  litValues = builtins.attrValues lit;
  equal = [ (early == base // { n0 = 0; n7 = 1000; n14 = 2000; extra0 = 0; extra1 = 1; extra2 = 2; }) (lit == lit // { }) (lit == lit // { a = 11; }) ];
  removed = builtins.attrNames (builtins.removeAttrs lit [ "a" "k" ]);
  intersected = builtins.intersectAttrs { b = null; k = null; z = null; } lit;
  mapped = builtins.mapAttrs (n: v: v + 1) (lit // { z = 0; });
  pos = (builtins.unsafeGetAttrPos "c" lit).line;
  nested = ((lit // { sub = lit; }) // { x = 1; }).sub.b;
}
