# Which sets built by builtins keep the positions of their attributes:
# functionArgs gives each formal's own, mapAttrs gives none, and the others
# keep the positions of the sets they came from.
let
  s = { a = 1;
    b = 2; };
  pos = name: set: builtins.unsafeGetAttrPos name set;
  line = p: if p == null then null else p.line;
in
{
  functionArgs = map (n: line (pos n (builtins.functionArgs ({ a,
    b ? 1 }: a)))) [ "a" "b" ];
  mapAttrs = pos "a" (builtins.mapAttrs (n: v: v) s);
  removeAttrs = line (pos "b" (builtins.removeAttrs s [ "a" ]));
  intersectAttrs = line (pos "b" (builtins.intersectAttrs { b = 0; } s));
  update = line (pos "b" ({ c = 3; } // s));
  zipAttrsWith = pos "a" (builtins.zipAttrsWith (n: v: v) [ s ]);
  listToAttrs = pos "a" (builtins.listToAttrs [ { name = "a"; value = 1; } ]);
}
