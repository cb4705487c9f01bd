# An attribute-set-heavy program shaped like a package collection: a fixpoint
# of 30,000 packages, each depending on earlier ones by name, extended by three
# overlays (one overriding every tenth package), then walked: every package's
# dependency closure size is summed and a manifest is built from the result.
let
  fix = f: let x = f x; in x;
  extends = overlay: base: self: let super = base self; in super // overlay self super;
  n = 30000;
  name = i: "pkg${toString i}";
  mkPackage = self: i: {
    pname = name i;
    version = "1.${toString (i - i / 10 * 10)}.${toString (i / 10)}";
    deps = if i < 3 then [ ] else [ self.${name (i - 1)} self.${name (i / 2)} self.${name (i - 3)} ];
    closureSize = 1 + builtins.foldl' (acc: d: acc + (if d.closureSize > 50 then 50 else d.closureSize)) 0 (if i < 3 then [ ] else [ self.${name (i - 1)} self.${name (i / 2)} self.${name (i - 3)} ]);
    meta = { description = "package number ${toString i}"; license = if i / 2 * 2 == i then "mit" else "gpl"; };
  };
  base = self: builtins.listToAttrs (builtins.genList (i: { name = name i; value = mkPackage self i; }) n);
  overlayVersions = self: super: builtins.listToAttrs (builtins.genList (j: let i = j * 10; in {
    name = name i;
    value = super.${name i} // { version = super.${name i}.version + "-patched"; meta = super.${name i}.meta // { patched = true; }; };
  }) (n / 10));
  overlayAliases = self: super: { aliasFirst = self.pkg0; aliasLast = self.${name (n - 1)}; };
  overlayMeta = self: super: builtins.mapAttrs (k: v: if builtins.isAttrs v && v ? meta then v // { meta = v.meta // { maintainer = "team"; }; } else v) super;
  pkgs = fix (extends overlayMeta (extends overlayAliases (extends overlayVersions base)));
  names = builtins.filter (k: builtins.substring 0 3 k == "pkg") (builtins.attrNames pkgs);
  manifest = map (k: { inherit (pkgs.${k}) pname version; size = pkgs.${k}.closureSize; license = pkgs.${k}.meta.license; }) names;
in
{
  count = builtins.length names;
  totalClosure = builtins.foldl' (acc: m: acc + m.size) 0 manifest;
  patched = builtins.length (builtins.filter (k: pkgs.${k}.meta ? patched) names);
  last = pkgs.aliasLast.version;
  manifestBytes = builtins.stringLength (builtins.toJSON manifest);
}
