# Fixed points and overridable sets: fix, extends, makeExtensible.
{ lib }:
rec {
  inherit (lib.trivial) fix fix' extends;

  composeExtensions = f: g: self: super:
    let fApplied = f self super; in fApplied // g self (super // fApplied);
  composeManyExtensions = builtins.foldl' composeExtensions (_: _: { });

  makeExtensible = makeExtensibleWithCustomName "extend";
  makeExtensibleWithCustomName = extenderName: rattrs:
    lib.trivial.fix' (self: rattrs self // {
      ${extenderName} = f: makeExtensibleWithCustomName extenderName (extends f rattrs);
    });
}
