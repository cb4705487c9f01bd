# A package collection: a fixpoint of packages depending on each other,
# extended by overlays, with override functions and a closure walk.
let
  fix = f: let x = f x; in x;
  extends = overlay: base: self: let super = base self; in super // overlay self super;
  composeOverlays = builtins.foldl' (f: o: extends o f);
  mkPackage = { pname, version, deps ? [ ] }: {
    inherit pname version deps;
    name = "${pname}-${version}";
    override = f: mkPackage ({ inherit pname version deps; } // f { inherit pname version deps; });
  };
  base = self: {
    libc = mkPackage { pname = "libc"; version = "2.36"; };
    zlib = mkPackage { pname = "zlib"; version = "1.2.13"; deps = [ self.libc ]; };
    openssl = mkPackage { pname = "openssl"; version = "3.0.9"; deps = [ self.libc self.zlib ]; };
    curl = mkPackage { pname = "curl"; version = "7.88"; deps = [ self.openssl self.zlib ]; };
    git = mkPackage { pname = "git"; version = "2.39"; deps = [ self.curl self.zlib ]; };
  };
  overlays = [
    (self: super: { zlib = super.zlib.override (old: { version = "1.3"; }); })
    (self: super: { openssl = super.openssl.override (old: { deps = old.deps ++ [ self.perl ]; }); perl = mkPackage { pname = "perl"; version = "5.36"; deps = [ self.libc ]; }; })
  ];
  pkgs = fix (composeOverlays base overlays);
  closure = pkg: builtins.genericClosure {
    startSet = [ { key = pkg.name; inherit pkg; } ];
    operator = item: map (d: { key = d.name; pkg = d; }) item.pkg.deps;
  };
in
{
  names = builtins.mapAttrs (n: p: p.name) pkgs;
  gitClosure = map (i: i.key) (closure pkgs.git);
  opensslDeps = map (d: d.name) pkgs.openssl.deps;
  sortedBySize = map (p: p.pname) (builtins.sort (a: b: builtins.length (closure a) < builtins.length (closure b) || (builtins.length (closure a) == builtins.length (closure b) && a.pname < b.pname)) (builtins.attrValues pkgs));
}
